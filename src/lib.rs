//! quotative reads raw news-article text and says who said what: it turns an article into
//! typed [`Article`], [`Quote`], [`Speaker`] and [`Claim`] values with exact byte spans into
//! the text, driven by a pluggable set of attribution patterns ([`PatternSet`]).
//!
//! # Overview
//! One entry point, [`Parser`], runs a fixed pipeline over the text: layout (headline,
//! key points, byline, dateline, paragraphs), sentences, quotation marks, one
//! [`PatternSet`] scan for cues, speaker mentions, attribution, speaker linking and claims.
//! Every record lives in a flat table on the [`Article`] and points at others by typed id.
//!
//! # Example: who said what
//! ```
//! use quotative::{Parser, QuoteKind};
//!
//! let text = "\"We are ready,\" Mayor Ann Lee said.";
//! let article = Parser::new().parse(text);
//! let quote = &article.quotes()[0];
//! assert_eq!(quote.kind, QuoteKind::Direct);
//! assert_eq!(&text[quote.content], "We are ready,");
//! assert_eq!(&text[quote.mention.unwrap()], "Mayor Ann Lee");
//! ```
//!
//! # Crate features
//! None yet: the English lexicons are always built in.
#![forbid(unsafe_code)]
#![deny(missing_docs, rustdoc::broken_intra_doc_links)]

mod article;
mod claim;
mod cue;
mod error;
mod id;
pub mod list;
mod parse;
mod pattern;
mod quote;
mod span;
mod speaker;
mod stage;

pub use crate::article::{Article, Byline, Paragraph, Sentence};
pub use crate::claim::{Claim, Modality};
pub use crate::cue::Cue;
pub use crate::error::{Error, ErrorKind};
pub use crate::id::{
    ClaimId, MentionId, ParagraphId, PatternId, QuotationId, QuoteId, SentenceId, SpeakerId,
};
pub use crate::list::{IdRange, SmallList};
pub use crate::parse::{Parser, ParserBuilder};
pub use crate::pattern::{
    Pattern, PatternKind, PatternSet, PatternSetBuilder, LEXICON_VERSION, MAX_PATTERN_LEN,
};
pub use crate::quote::{Quotation, QuotationRole, Quote, QuoteKind, Rule};
pub use crate::span::{CharIndex, Span};
pub use crate::speaker::{Gender, Mention, MentionKind, Speaker, SpeakerKind};

/// The README's examples, run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

#[cfg(test)]
mod oibits {
    use super::*;

    #[test]
    fn parser_is_send_sync_unwind_safe() {
        fn assert_all<T: Send + Sync + std::panic::UnwindSafe + std::panic::RefUnwindSafe>() {}
        assert_all::<Parser>();
        assert_all::<PatternSet>();
        assert_all::<Article<'static>>();
    }
}
