//! utoipa (feature `utoipa`): every derived error is an `IntoResponses`,
//! built by [`crate::frameworks::openapi`].

#[cfg(feature = "utoipa")]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ([$($ig:tt)*] [$($ty:tt)*] [$($pred:tt)*]) => {
        // The responses come from the catalog, composed parts included.
        #[automatically_derived]
        impl $($ig)* $crate::private::utoipa::IntoResponses for $($ty)*
        where
            $($pred)*
        {
            fn responses() -> $crate::private::OpenApiResponses {
                $crate::private::openapi_responses(
                    <$($ty)* as $crate::private::ErrorCatalog>::CATALOG,
                )
            }
        }
    };
}

#[cfg(not(feature = "utoipa"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __utoipa_impl {
    ($($t:tt)*) => {};
}
