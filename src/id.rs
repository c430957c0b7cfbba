//! Typed ids: indexes into the flat tables of an [`Article`](crate::Article).

use serde::{Deserialize, Serialize};

macro_rules! ids {
    ($($(#[$doc:meta])* $name:ident;)*) => {$(
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
        #[serde(transparent)]
        pub struct $name(pub u32);

        impl $name {
            /// The id as an index into its table.
            #[inline]
            pub const fn index(self) -> usize {
                self.0 as usize
            }

            #[inline]
            #[allow(dead_code)]
            pub(crate) fn from_index(i: usize) -> Self {
                Self(u32::try_from(i).unwrap_or(u32::MAX))
            }
        }
    )*};
}

ids! {
    /// Index of a [`Paragraph`](crate::Paragraph) in [`Article::paragraphs`](crate::Article::paragraphs).
    ParagraphId;
    /// Index of a [`Sentence`](crate::Sentence) in [`Article::sentences`](crate::Article::sentences).
    SentenceId;
    /// Index of a [`Quotation`](crate::Quotation) in [`Article::quotations`](crate::Article::quotations).
    QuotationId;
    /// Index of a [`Quote`](crate::Quote) in [`Article::quotes`](crate::Article::quotes).
    QuoteId;
    /// Index of a [`Mention`](crate::Mention) in [`Article::mentions`](crate::Article::mentions).
    MentionId;
    /// Index of a [`Speaker`](crate::Speaker) in [`Article::speakers`](crate::Article::speakers).
    SpeakerId;
    /// Index of a [`Claim`](crate::Claim) in [`Article::claims`](crate::Article::claims).
    ClaimId;
    /// Index of a [`Pattern`](crate::Pattern) in its [`PatternSet`](crate::PatternSet).
    PatternId;
}
