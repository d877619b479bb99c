//! The detail rule: a value's `Display` is sent (as `error`, or problem+json
//! `detail`) only where it says more than the message, judged while it is
//! written, and never with a panic or an `Err` of the user's `Display`.

use crate::grammar::{Folded, says_nothing};
pub(crate) use crate::message::{Guarded, display_panicked};
use serde::{Serialize, Serializer};
use std::cell::Cell;
use std::fmt::{self, Display, Write as _};

/// A detail that may turn out not to be sent once written.
pub(crate) trait Sent {
    /// Whether the detail just written is sent.
    fn sent(&self) -> bool;
}

impl Sent for &str {
    fn sent(&self) -> bool {
        true
    }
}

/// How far a detail written so far reads as the messages (white space
/// and case aside, [`Folded`]): the one rule behind every "says more than
/// the message" decision, the derive's for a unit variant included.
#[derive(Clone, Copy)]
pub(crate) struct Watch {
    /// Whether a character other than white space was written.
    said: bool,
    message: Option<Folded>,
    chosen: Option<Folded>,
    pub(crate) failed: bool,
}

impl Watch {
    pub(crate) const START: Watch = Watch {
        said: false,
        message: Some(Folded::START),
        chosen: Some(Folded::START),
        failed: false,
    };

    /// Follows `s`, the next piece of the text.
    fn follow(&mut self, s: &str, message: &str, chosen: &str) {
        fn still(at: Option<Folded>, s: &str, text: &str) -> Option<Folded> {
            let mut at = at?;
            at.follow(s, text).then_some(at)
        }
        self.said = self.said || !says_nothing(s);
        if self.message.is_none() && self.chosen.is_none() {
            return;
        }
        self.message = still(self.message, s, message);
        self.chosen = still(self.chosen, s, chosen);
    }

    /// Whether the whole text is a detail to send: it did not fail, and it
    /// is neither empty (white space aside) nor either message.
    fn sent(&self, message: &str, chosen: &str) -> bool {
        let whole = self.message.is_some_and(|at| at.at_end(message))
            || self.chosen.is_some_and(|at| at.at_end(chosen));
        !self.failed && self.said && !whole
    }

    /// Writes `detail` into `out` once, followed; an `Err` or a panic of the
    /// user's `Display` marks it failed and never escapes. Returns the watch
    /// and whether `out` itself failed.
    fn run(
        detail: &dyn Display,
        message: &str,
        chosen: &str,
        out: &mut dyn fmt::Write,
    ) -> (Watch, bool) {
        struct Tee<'a, 'm> {
            out: &'a mut dyn fmt::Write,
            message: &'m str,
            chosen: &'m str,
            watch: Watch,
            out_failed: bool,
        }
        impl fmt::Write for Tee<'_, '_> {
            fn write_str(&mut self, s: &str) -> fmt::Result {
                self.watch.follow(s, self.message, self.chosen);
                self.out
                    .write_str(s)
                    .inspect_err(|_| self.out_failed = true)
            }
        }
        let mut tee = Tee {
            out,
            message,
            chosen,
            watch: Watch::START,
            out_failed: false,
        };
        let written = crate::message::caught(|| write!(tee, "{detail}"));
        if written.is_none() {
            display_panicked();
        }
        tee.watch.failed = !matches!(written, Some(Ok(())));
        (tee.watch, tee.out_failed)
    }
}

/// A user's `Display` written once, straight into the body, while it is
/// compared with the message and the chosen translation: the body drops it
/// again where it turns out empty, equal to either, or failing (an `Err` or
/// a panic), as [`sent_text`] would decide in a pass of its own.
pub(crate) struct Watched<'d> {
    pub(crate) detail: &'d dyn Display,
    pub(crate) message: &'d str,
    pub(crate) chosen: &'d str,
    pub(crate) state: Cell<Watch>,
}

impl Sent for Watched<'_> {
    fn sent(&self) -> bool {
        self.state.get().sent(self.message, self.chosen)
    }
}

impl Serialize for Watched<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

impl Display for Watched<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (watch, out_failed) = Watch::run(self.detail, self.message, self.chosen, f);
        self.state.set(watch);
        if out_failed { Err(fmt::Error) } else { Ok(()) }
    }
}

/// The text of a user's `Display`, never a panic (`to_string` panics when
/// `Display` returns `Err`).
#[cfg_attr(not(feature = "tracing"), allow(dead_code))]
pub(crate) fn display_string(detail: &dyn Display) -> String {
    let mut out = String::new();
    let _ = write!(out, "{}", Guarded(detail));
    out
}

/// The text of `detail` where it is sent: where it displays something
/// other than nothing, `message` and `chosen` (the message in the
/// request's language). One pass over the `Display`. A `Display` that
/// fails ends its text there.
#[cfg(test)]
pub(crate) fn sent_text(detail: &dyn Display, message: &str, chosen: &str) -> Option<String> {
    sent_text_within(detail, message, chosen, usize::MAX)
}

/// [`sent_text`], the `Display` stopped once it has written more than
/// `limit` bytes and more than either message: a text that long says more
/// than both, and is sent as far as it got (for a status whose texts are
/// cut, so that a `Display` of gigabytes is not written whole).
pub(crate) fn sent_text_within(
    detail: &dyn Display,
    message: &str,
    chosen: &str,
    limit: usize,
) -> Option<String> {
    /// A `String` that takes `left` bytes more, and the piece that passes
    /// them (so that what it holds is longer than the limit), then refuses.
    struct Bounded<'s> {
        out: &'s mut String,
        left: usize,
    }
    impl fmt::Write for Bounded<'_> {
        fn write_str(&mut self, s: &str) -> fmt::Result {
            self.out.push_str(s);
            match self.left.checked_sub(s.len()) {
                Some(left) => {
                    self.left = left;
                    Ok(())
                }
                None => Err(fmt::Error),
            }
        }
    }
    // A text that reads as a message up to case and spaces is not that
    // message's bytes: it is kept as written, and dropped if not sent.
    let mut text = String::with_capacity(32);
    let left = limit.max(message.len()).max(chosen.len());
    let mut out = Bounded {
        out: &mut text,
        left,
    };
    // A `Display` that fails or panics gives no detail; one this refused
    // to take more of is longer than either message.
    let (watch, stopped) = Watch::run(detail, message, chosen, &mut out);
    (stopped || watch.sent(message, chosen)).then_some(text)
}

/// Whether `detail` displays something other than nothing, `message` and
/// `chosen` (the message in the request's language), decided in one run
/// of it without allocating. A `Display` that fails or panics gives no
/// detail: the answer goes out without one rather than with half of one,
/// or not at all.
pub(crate) fn says_more(detail: &dyn Display, message: &str, chosen: &str) -> bool {
    struct Discard;
    impl fmt::Write for Discard {
        fn write_str(&mut self, _: &str) -> fmt::Result {
            Ok(())
        }
    }
    Watch::run(detail, message, chosen, &mut Discard)
        .0
        .sent(message, chosen)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Whether `detail` says more than the one `message`.
    fn more(detail: &dyn Display, message: &str) -> bool {
        says_more(detail, message, message)
    }

    #[test]
    fn the_sent_text_is_what_says_more_decides() {
        let texts: &[&dyn Display] = &[
            &"",
            &"m",
            &"msg",
            &"message",
            &"messages",
            &"mess",
            &"other",
            &"译文",
            &"译",
            &format_args!("{}{}", "mes", "sage"),
            &format_args!("{}{}{}", "", "m", "e"),
            &format_args!("{}{}", "译", "文"),
            &format_args!("{}{}", "mes", "x"),
        ];
        for detail in texts {
            for (message, chosen) in [
                ("message", "message"),
                ("message", "译文"),
                ("", ""),
                ("m", "message"),
            ] {
                // One run against both is the two judgements together.
                assert_eq!(
                    says_more(*detail, message, chosen),
                    more(*detail, message) && more(*detail, chosen),
                    "{detail} / {message} / {chosen}"
                );
                let expected = (more(*detail, message)
                    && (chosen == message || more(*detail, chosen)))
                .then(|| detail.to_string());
                assert_eq!(
                    sent_text(*detail, message, chosen),
                    expected,
                    "{detail} / {message} / {chosen}"
                );
            }
        }
    }

    #[test]
    fn a_detail_that_reads_as_a_message_up_to_case_and_spaces_is_not_sent() {
        // As the derive judges a unit variant's text: the same comparison.
        assert!(!more(&"route NOT found", "Route not found"));
        assert!(!more(
            &format_args!("{} {}", "ROUTE", "notfound"),
            "Route not found"
        ));
        assert!(more(&"route not found!", "Route not found"));
        assert_eq!(
            sent_text(&"route not found", "Pod 没有找到", "Route not found"),
            None
        );
        assert_eq!(
            sent_text(&"ROUTE not found", "Route not found", "路由没有找到"),
            None
        );
        // White space alone says nothing, as an empty text says nothing.
        assert!(!more(&" \t\n", "Route not found"));
        assert!(!more(&format_args!("{}{}", " ", "\n"), "Route not found"));
        assert_eq!(
            sent_text(&"   ", "Route not found", "Route not found"),
            None
        );
        // Capitals that lowercase alone does not bring back.
        assert!(!more(&"STRASSE GESPERRT", "Straße gesperrt"));
        assert!(!more(&"ΛΆΘΟΣ ΔΙΚΤΎΟΥ", "λάθος δικτύου"));
        assert_eq!(
            sent_text(&"route not found: /x", "Route not found", "路由没有找到").as_deref(),
            Some("route not found: /x")
        );
    }

    #[test]
    fn detail_must_say_more_than_the_message() {
        assert!(!more(&"", "m"));
        assert!(!more(&"m", "m"));
        assert!(more(&"m!", "m"));
        assert!(more(&"x", ""));
        assert!(!more(&format_args!("{}{}", "ab", "c"), "abc"));
        assert!(more(&format_args!("{}{}", "ab", "d"), "abc"));
    }
}
