//! Cues: attribution patterns matched in a text.

use serde::{Deserialize, Serialize};

use crate::{PatternId, PatternKind, Span};

/// One match of a [`Pattern`](crate::Pattern) in a text: `said`, `according to`,
/// `told reporters`.
///
/// ```
/// use quotative::PatternSet;
///
/// let text = "The minister said talks failed.";
/// let cues = PatternSet::english().scan(text);
/// assert_eq!(&text[cues[0].span], "said");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[non_exhaustive]
pub struct Cue {
    /// Where it matched; the matched form is `&text[span]`.
    pub span: Span,
    /// The pattern it matched.
    pub pattern: PatternId,
    /// The pattern's kind.
    pub kind: PatternKind,
}
