//! The error type for everything in quotative that can fail.

use std::fmt;

/// An error from building a [`PatternSet`](crate::PatternSet) or a
/// [`Parser`](crate::Parser), or from an input the parser refuses (over the size limit, or
/// bytes that are not UTF-8).
///
/// The error is opaque; [`Error::kind`] tells what went wrong.
///
/// ```
/// use quotative::{ErrorKind, Parser};
///
/// let parser = Parser::builder().max_input_len(Some(4)).build().unwrap();
/// let err = parser.try_parse("too long").unwrap_err();
/// assert!(matches!(err.kind(), ErrorKind::InputTooLarge { len: 8, limit: 4 }));
/// assert_eq!(err.to_string(), "input of 8 bytes is over the limit of 4 bytes");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error {
    kind: ErrorKind,
}

/// What went wrong; see [`Error::kind`].
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    /// A pattern with no words.
    #[error("empty pattern")]
    EmptyPattern,
    /// A pattern (or one of its forms) with no letter in it.
    #[error("pattern {pattern:?} has no letters")]
    NoLetters {
        /// The offending pattern as written.
        pattern: String,
    },
    /// A pattern (or one of its forms) longer than [`MAX_PATTERN_LEN`](crate::MAX_PATTERN_LEN)
    /// bytes.
    #[error("pattern {pattern:?} is {len} bytes long, over the limit of {limit} bytes")]
    PatternTooLong {
        /// The offending pattern (cut to its first 40 characters).
        pattern: String,
        /// Its length in bytes.
        len: usize,
        /// The limit.
        limit: usize,
    },
    /// Two patterns with the same words but different kinds or forms.
    #[error("pattern {pattern:?} is given twice with different kinds or forms")]
    ConflictingPattern {
        /// The words of the pattern given twice.
        pattern: String,
    },
    /// A surface form claimed by two different patterns.
    #[error("form {form:?} belongs to both {first:?} and {second:?}")]
    ConflictingForm {
        /// The surface form.
        form: String,
        /// The first pattern that has it.
        first: String,
        /// The second pattern that has it.
        second: String,
    },
    /// A line of a pattern or lexicon file that cannot be read.
    #[error("line {line} of the lexicon cannot be read: {message}")]
    Lexicon {
        /// The 1-based line number.
        line: usize,
        /// What is wrong with it.
        message: String,
    },
    /// The pattern trie could not be built (the pattern set is too large).
    #[error("the pattern trie could not be built")]
    Automaton,
    /// An invalid parser option.
    #[error("invalid option {option}: {message}")]
    InvalidOption {
        /// The option's name.
        option: &'static str,
        /// Why the value is refused.
        message: String,
    },
    /// The input is over the size limit set with
    /// [`ParserBuilder::max_input_len`](crate::ParserBuilder::max_input_len).
    #[error("input of {len} bytes is over the limit of {limit} bytes")]
    InputTooLarge {
        /// The input's length in bytes.
        len: usize,
        /// The limit in bytes.
        limit: usize,
    },
    /// The bytes given to [`Parser::parse_bytes`](crate::Parser::parse_bytes) are not UTF-8.
    #[error("input is not valid UTF-8 at byte offset {offset}")]
    InvalidUtf8 {
        /// The byte offset of the first invalid byte.
        offset: usize,
    },
}

impl Error {
    /// What went wrong.
    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }

    pub(crate) fn new(kind: ErrorKind) -> Self {
        Self { kind }
    }
}

impl From<ErrorKind> for Error {
    fn from(kind: ErrorKind) -> Self {
        Self::new(kind)
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&self.kind, f)
    }
}

impl std::error::Error for Error {}
