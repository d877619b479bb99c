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
    let mut kept = [0u8; 7];
    let number = integer_rules_see(number.trim_start_matches('-'), &mut kept);
    let Ok(decimal) = fixed_decimal::Decimal::try_from_str(number) else {
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

/// What CLDR's integer rules see of the whole number written `digits`:
/// the number itself below 2000; from 2000 on, a million where it is a
/// multiple of one, else 1000 and its last three digits (their rules look
/// at no more, `i % 1000000` the most). The clients' plural tables are
/// built on the same rule, and a number of any size is read whole (ICU4X
/// keeps 18 digits of an integer: 10^18 was read as 0). `kept` holds the
/// digits written in their place. Anything else is returned as it is.
#[cfg(feature = "fluent")]
fn integer_rules_see<'n>(digits: &'n str, kept: &'n mut [u8; 7]) -> &'n str {
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return digits;
    }
    let digits = digits.trim_start_matches('0');
    if digits.len() < 4 || (digits.len() == 4 && digits < "2000") {
        return if digits.is_empty() { "0" } else { digits };
    }
    let low = &digits.as_bytes()[digits.len().saturating_sub(6)..];
    let len = if digits.len() >= 6 && low.iter().all(|&b| b == b'0') {
        kept.copy_from_slice(b"1000000");
        7
    } else {
        kept[0] = b'1';
        kept[1..4].copy_from_slice(&digits.as_bytes()[digits.len() - 3..]);
        4
    };
    std::str::from_utf8(&kept[..len]).unwrap_or("0")
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
        // Integers of any size, read whole: CLDR's French `many` is a
        // multiple of a million; ICU4X alone read 10^18 as 0 (`one`).
        assert_eq!(category(Some("fr"), "1000000000000000000"), "many");
        assert_eq!(category(Some("fr"), "1000000000000000000000000"), "many");
        assert_eq!(category(Some("fr"), "1000000000000000000000001"), "other");
        assert_eq!(category(Some("fr"), "-2000000"), "many");
        assert_eq!(category(Some("en"), "1000000000000000001"), "other");
        assert_eq!(category(Some("ru"), "100000000000000000021"), "one");
        assert_eq!(category(Some("ru"), "100000000000000000011"), "many");
        assert_eq!(category(Some("ru"), "1000000000000000000003"), "few");
        assert_eq!(category(Some("fr"), "1"), "one");
        assert_eq!(category(Some("fr"), "0"), "one");
        assert_eq!(category(Some("fr"), "1999"), "other");
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
