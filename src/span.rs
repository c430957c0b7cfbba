//! Byte spans into the input text and a byte-to-character offset index.

use std::fmt;
use std::ops::{Index, Range};

use serde::{Deserialize, Serialize};

/// A half-open range of byte offsets `start..end` into the text that was parsed.
///
/// Every span that quotative hands out lies on `char` boundaries of the original input, so
/// `&text[span]` never panics for the text the [`Article`](crate::Article) was parsed from.
///
/// ```
/// use quotative::Span;
///
/// let text = "«Да», she said.";
/// let span = Span::new(0, "«Да»".len());
/// assert_eq!(&text[span], "«Да»");
/// assert_eq!(format!("{span:?}"), "0..8");
/// ```
#[derive(Clone, Copy, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    /// Byte offset of the first byte in the span.
    pub start: usize,
    /// Byte offset one past the last byte in the span.
    pub end: usize,
}

impl Span {
    /// Creates a span from `start` to `end` (byte offsets).
    ///
    /// ```
    /// assert_eq!(quotative::Span::new(3, 9).len(), 6);
    /// ```
    #[inline]
    pub const fn new(start: usize, end: usize) -> Self {
        Self { start, end }
    }

    /// The number of bytes the span covers.
    ///
    /// ```
    /// assert_eq!(quotative::Span::new(2, 2).len(), 0);
    /// ```
    #[inline]
    pub const fn len(&self) -> usize {
        self.end.saturating_sub(self.start)
    }

    /// Whether the span covers no bytes.
    ///
    /// ```
    /// assert!(quotative::Span::new(4, 4).is_empty());
    /// ```
    #[inline]
    pub const fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    /// Whether `other` lies entirely within this span.
    ///
    /// ```
    /// use quotative::Span;
    /// assert!(Span::new(0, 10).contains(Span::new(2, 10)));
    /// assert!(!Span::new(0, 10).contains(Span::new(2, 11)));
    /// ```
    #[inline]
    pub const fn contains(&self, other: Self) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    /// Whether the two spans share at least one byte.
    ///
    /// ```
    /// use quotative::Span;
    /// assert!(Span::new(0, 5).overlaps(Span::new(4, 8)));
    /// assert!(!Span::new(0, 5).overlaps(Span::new(5, 8)));
    /// ```
    #[inline]
    pub const fn overlaps(&self, other: Self) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both spans.
    ///
    /// ```
    /// use quotative::Span;
    /// assert_eq!(Span::new(0, 3).cover(Span::new(7, 9)), Span::new(0, 9));
    /// ```
    #[inline]
    pub fn cover(&self, other: Self) -> Self {
        Self::new(self.start.min(other.start), self.end.max(other.end))
    }

    /// The span as a `Range<usize>`.
    ///
    /// ```
    /// assert_eq!(quotative::Span::new(1, 4).range(), 1..4);
    /// ```
    #[inline]
    pub const fn range(&self) -> Range<usize> {
        self.start..self.end
    }
}

impl fmt::Debug for Span {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}..{}", self.start, self.end)
    }
}

impl From<Range<usize>> for Span {
    #[inline]
    fn from(r: Range<usize>) -> Self {
        Self::new(r.start, r.end)
    }
}

impl From<Span> for Range<usize> {
    #[inline]
    fn from(s: Span) -> Self {
        s.start..s.end
    }
}

impl Index<Span> for str {
    type Output = Self;

    #[inline]
    fn index(&self, span: Span) -> &Self {
        &self[span.start..span.end]
    }
}

/// Converts byte offsets of one text into Unicode scalar (character) offsets.
///
/// Python strings, most annotated corpora and the scorer count characters; Rust `&str`s count
/// bytes. Building the index is one `O(n)` pass over the text; each lookup is `O(log k)`,
/// where `k` is the number of non-ASCII characters (ASCII-only text costs nothing to store).
///
/// ```
/// use quotative::CharIndex;
///
/// let text = "“Yes,” said Zoë.";
/// let index = CharIndex::new(text);
/// let said = text.find("said").unwrap();
/// assert_eq!(index.char_offset(said), 7);
/// assert_eq!(index.char_offset(text.len()), text.chars().count());
/// ```
#[derive(Debug, Clone, Default)]
pub struct CharIndex {
    /// For every non-ASCII character: its byte offset and the number of extra bytes (beyond
    /// one) that all multi-byte characters up to and including it have used.
    wide: Vec<(usize, usize)>,
}

impl CharIndex {
    /// Builds the index for `text` in one pass.
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let mut extra = 0;
            for (i, c) in text.char_indices() {
                let n = c.len_utf8();
                if n > 1 {
                    extra += n - 1;
                    wide.push((i, extra));
                }
            }
        }
        Self { wide }
    }

    /// The character offset of byte offset `byte`.
    ///
    /// A byte offset inside a multi-byte character maps to that character's offset.
    pub fn char_offset(&self, byte: usize) -> usize {
        // Characters that start strictly before `byte` and are wide contribute their extra
        // bytes; a character starting at `byte` does not.
        let k = self.wide.partition_point(|&(pos, _)| pos < byte);
        if k == 0 {
            return byte;
        }
        let (pos, extra) = self.wide[k - 1];
        let n_extra_this = if k >= 2 {
            extra - self.wide[k - 2].1
        } else {
            extra
        };
        // `byte` may fall inside the last wide character before it.
        if byte <= pos + n_extra_this {
            return pos - (extra - n_extra_this);
        }
        byte - extra
    }

    /// The character span of a byte span.
    ///
    /// ```
    /// use quotative::{CharIndex, Span};
    /// let index = CharIndex::new("é a");
    /// assert_eq!(index.char_span(Span::new(3, 4)), Span::new(2, 3));
    /// ```
    pub fn char_span(&self, span: Span) -> Span {
        Span::new(self.char_offset(span.start), self.char_offset(span.end))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn char_offsets_agree_with_counting() {
        let text = "a«b»ç😀d\u{301}e";
        let idx = CharIndex::new(text);
        for (ci, (bi, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_offset(bi), ci, "byte {bi}");
        }
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    #[test]
    fn offset_inside_a_wide_char_maps_to_its_start() {
        let text = "x😀y";
        let idx = CharIndex::new(text);
        assert_eq!(idx.char_offset(2), 1);
        assert_eq!(idx.char_offset(5), 2);
    }
}
