//! The CLDR plural category of a number in a language, for a select on a
//! param (`{ $count -> [one] … *[other] … }`): Unicode's rules and data,
//! by ICU4X's `icu_plurals` (feature `fluent`, which alone can give a
//! message a select). The number is read as its JSON text, so `1.0` has a
//! visible fraction digit, as CLDR's operands count it.

/// The category of the number written `number` (`"1"`, `"2.50"`) in the
/// language `lang`: `zero`, `one`, `two`, `few`, `many` or `other`;
/// `other` where the language is not known or has no rules.
#[cfg(feature = "fluent")]
pub(crate) fn category(lang: Option<&str>, number: &str) -> &'static str {
    use icu_plurals::{PluralCategory, PluralOperands, PluralRules};
    let Some(mut locale) = lang.and_then(|tag| tag.parse::<icu_locale_core::Locale>().ok()) else {
        return "other";
    };
    // CLDR's plural rules are a language's (and Portugal's): a script
    // would send `sr-Latn` to the root's rules, whose only category is
    // `other`, where it has Serbian's.
    locale.id.script = None;
    let Ok(rules) = PluralRules::try_new_cardinal((&locale).into()) else {
        return "other";
    };
    let Ok(decimal) = fixed_decimal::Decimal::try_from_str(number.trim_start_matches('-')) else {
        return "other";
    };
    match rules.category_for(PluralOperands::from(&decimal)) {
        PluralCategory::Zero => "zero",
        PluralCategory::One => "one",
        PluralCategory::Two => "two",
        PluralCategory::Few => "few",
        PluralCategory::Many => "many",
        PluralCategory::Other => "other",
    }
}

/// Without the feature no message has a select on a number's category.
#[cfg(not(feature = "fluent"))]
pub(crate) fn category(_: Option<&str>, _: &str) -> &'static str {
    "other"
}

#[cfg(all(test, feature = "fluent"))]
mod tests {
    use super::category;

    #[test]
    fn categories_follow_the_language() {
        assert_eq!(category(Some("en"), "1"), "one");
        assert_eq!(category(Some("en-US"), "1"), "one");
        assert_eq!(category(Some("en"), "1.0"), "other");
        assert_eq!(category(Some("en"), "2"), "other");
        assert_eq!(category(Some("zh"), "1"), "other");
        assert_eq!(category(Some("ru"), "3"), "few");
        assert_eq!(category(Some("ru"), "11"), "many");
        assert_eq!(category(Some("ru"), "21"), "one");
        assert_eq!(category(Some("ar"), "0"), "zero");
        assert_eq!(category(Some("ar"), "111"), "many");
        assert_eq!(category(Some("ar"), "103"), "few");
        assert_eq!(category(None, "1"), "other");
        for tag in ["sr", "sr-Latn", "sr-Cyrl-RS", "sr-Latn-RS"] {
            assert_eq!(
                [
                    category(Some(tag), "1"),
                    category(Some(tag), "2"),
                    category(Some(tag), "5")
                ],
                ["one", "few", "other"],
                "{tag}"
            );
        }
        assert_eq!(category(Some("pt-PT"), "0"), "other");
        assert_eq!(category(Some("pt"), "0"), "one");
    }
}
