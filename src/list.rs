//! Short lists kept inline ([`SmallList`]) and runs of consecutive ids ([`IdRange`]), with
//! their iterators.
//!
//! Most records of an [`Article`](crate::Article) point at one or two others: a quote has
//! one segment, a claim one quote, a speaker one or two mentions. Keeping those inline saves
//! an allocation per record (about 17,000 per megabyte of news), and a paragraph's sentences,
//! being consecutive, are a range of ids rather than a list.

use std::borrow::{Borrow, BorrowMut};
use std::cmp::Ordering;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::iter::FusedIterator;
use std::marker::PhantomData;
use std::ops::{Deref, DerefMut, Range};

use serde::de::{Deserialize, Deserializer, Error as _, SeqAccess, Visitor};
use serde::ser::{Serialize, SerializeSeq, Serializer};

use crate::id::{ClaimId, MentionId, ParagraphId, PatternId, QuotationId, QuoteId, SentenceId};
use crate::SpeakerId;

/// How many items a [`SmallList`] holds without allocating.
const INLINE_ITEMS: usize = 2;

/// A list of copyable items that keeps up to two of them inline and moves to the heap
/// beyond that.
///
/// It reads as a slice (it derefs to `[T]`), so `list.len()`, `list[0]`, `list.iter()`,
/// `for x in &list` and `for x in list` work as they do for a `Vec`, and it compares, orders
/// and hashes as its items; it serialises as a JSON array.
///
/// ```
/// use quotative::{SmallList, Span};
///
/// let mut segments = SmallList::new();
/// segments.push(Span::new(1, 5));
/// segments.push(Span::new(9, 12));
/// assert_eq!(segments.len(), 2);
/// assert!(!segments.spilled());
/// segments.insert(0, Span::new(0, 1));
/// assert_eq!(segments[..], [Span::new(0, 1), Span::new(1, 5), Span::new(9, 12)]);
/// assert!(segments.spilled());
/// ```
#[derive(Clone)]
pub struct SmallList<T> {
    repr: Repr<T>,
}

/// Where a [`SmallList`]'s items are.
#[derive(Clone)]
enum Repr<T> {
    /// No item.
    Empty,
    /// `items[..len]`, with `1 <= len <= INLINE_ITEMS`; the items past `len` are copies
    /// left over (of the first item, or of items removed), never read.
    Inline { len: u8, items: [T; INLINE_ITEMS] },
    /// On the heap: once more than [`INLINE_ITEMS`] were held or room for them was
    /// reserved, or when made from a longer `Vec`; it stays there until cleared.
    Heap(Vec<T>),
}

impl<T: Copy> SmallList<T> {
    /// An empty list.
    #[inline]
    pub const fn new() -> Self {
        Self { repr: Repr::Empty }
    }

    /// A list of one item.
    ///
    /// ```
    /// assert_eq!(quotative::SmallList::one(7)[..], [7]);
    /// ```
    #[inline]
    pub const fn one(item: T) -> Self {
        Self {
            repr: Repr::Inline {
                len: 1,
                items: [item; INLINE_ITEMS],
            },
        }
    }

    /// The items, in order.
    #[inline]
    pub fn as_slice(&self) -> &[T] {
        match &self.repr {
            Repr::Empty => &[],
            Repr::Inline { len, items } => &items[..usize::from(*len)],
            Repr::Heap(v) => v,
        }
    }

    /// The items, in order, to change in place.
    #[inline]
    pub fn as_mut_slice(&mut self) -> &mut [T] {
        match &mut self.repr {
            Repr::Empty => &mut [],
            Repr::Inline { len, items } => &mut items[..usize::from(*len)],
            Repr::Heap(v) => v,
        }
    }

    /// Whether the items have moved to the heap.
    #[inline]
    pub fn spilled(&self) -> bool {
        matches!(self.repr, Repr::Heap(_))
    }

    /// Appends `item`.
    #[inline]
    pub fn push(&mut self, item: T) {
        match &mut self.repr {
            Repr::Empty => *self = Self::one(item),
            Repr::Inline { len, items } if usize::from(*len) < INLINE_ITEMS => {
                items[usize::from(*len)] = item;
                *len += 1;
            }
            Repr::Inline { items, .. } => {
                let mut v = Vec::with_capacity(2 * INLINE_ITEMS);
                v.extend_from_slice(&items[..]);
                v.push(item);
                self.repr = Repr::Heap(v);
            }
            Repr::Heap(v) => v.push(item),
        }
    }

    /// Inserts `item` at position `index`, shifting the items after it.
    ///
    /// # Panics
    /// When `index` is greater than the length, as [`Vec::insert`] does.
    pub fn insert(&mut self, index: usize, item: T) {
        let len = self.len();
        assert!(
            index <= len,
            "insertion index {index} is past the length {len}"
        );
        self.push(item);
        self.as_mut_slice()[index..].rotate_right(1);
    }

    /// Makes room for `additional` more items (on the heap only when they would not fit
    /// inline).
    pub fn reserve(&mut self, additional: usize) {
        let len = self.len();
        if additional <= INLINE_ITEMS.saturating_sub(len) {
            return;
        }
        match &mut self.repr {
            Repr::Heap(v) => v.reserve(additional),
            _ => {
                let mut v = Vec::with_capacity(len.saturating_add(additional));
                v.extend_from_slice(self.as_slice());
                self.repr = Repr::Heap(v);
            }
        }
    }

    /// Keeps the first `len` items (all of them when there are no more).
    pub fn truncate(&mut self, len: usize) {
        match &mut self.repr {
            Repr::Heap(v) => v.truncate(len),
            Repr::Inline { len: n, .. } if len < usize::from(*n) => {
                if len == 0 {
                    self.repr = Repr::Empty;
                } else {
                    // `len` is below `*n`, which fits a `u8`.
                    *n = len as u8;
                }
            }
            _ => {}
        }
    }

    /// Removes each item equal to the one before it, as [`Vec::dedup`] does.
    ///
    /// ```
    /// let mut list: quotative::SmallList<u8> = vec![1, 1, 2, 2, 2, 1].into();
    /// list.dedup();
    /// assert_eq!(list[..], [1, 2, 1]);
    /// ```
    pub fn dedup(&mut self)
    where
        T: PartialEq,
    {
        let items = self.as_mut_slice();
        let mut kept = usize::from(!items.is_empty());
        for i in 1..items.len() {
            if items[i] != items[kept - 1] {
                items[kept] = items[i];
                kept += 1;
            }
        }
        self.truncate(kept);
    }

    /// Removes the last item and returns it, if any.
    pub fn pop(&mut self) -> Option<T> {
        let last = self.last().copied()?;
        self.truncate(self.len() - 1);
        Some(last)
    }

    /// Removes the item at `index` and returns it, shifting the items after it.
    ///
    /// # Panics
    /// When `index` is not less than the length, as [`Vec::remove`] does.
    pub fn remove(&mut self, index: usize) -> T {
        let len = self.len();
        assert!(
            index < len,
            "removal index {index} is not below the length {len}"
        );
        let item = self[index];
        self.as_mut_slice()[index..].rotate_left(1);
        self.truncate(len - 1);
        item
    }

    /// Keeps only the items for which `keep` is true, in order.
    pub fn retain(&mut self, mut keep: impl FnMut(&T) -> bool) {
        let items = self.as_mut_slice();
        let mut kept = 0;
        for i in 0..items.len() {
            if keep(&items[i]) {
                items[kept] = items[i];
                kept += 1;
            }
        }
        self.truncate(kept);
    }

    /// Appends the items of `items`, in order.
    pub fn extend_from_slice(&mut self, items: &[T]) {
        self.reserve(items.len());
        for &item in items {
            self.push(item);
        }
    }

    /// Removes every item (and gives back the heap memory, if any).
    #[inline]
    pub fn clear(&mut self) {
        self.repr = Repr::Empty;
    }

    /// The items in a `Vec`.
    pub fn into_vec(self) -> Vec<T> {
        match self.repr {
            Repr::Heap(v) => v,
            _ => self.as_slice().to_vec(),
        }
    }
}

impl<T: Copy> Default for SmallList<T> {
    #[inline]
    fn default() -> Self {
        Self::new()
    }
}

impl<T: Copy> Deref for SmallList<T> {
    type Target = [T];

    #[inline]
    fn deref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> DerefMut for SmallList<T> {
    #[inline]
    fn deref_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy> AsRef<[T]> for SmallList<T> {
    fn as_ref(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> AsMut<[T]> for SmallList<T> {
    fn as_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy> Borrow<[T]> for SmallList<T> {
    fn borrow(&self) -> &[T] {
        self.as_slice()
    }
}

impl<T: Copy> BorrowMut<[T]> for SmallList<T> {
    fn borrow_mut(&mut self) -> &mut [T] {
        self.as_mut_slice()
    }
}

impl<T: Copy + fmt::Debug> fmt::Debug for SmallList<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter()).finish()
    }
}

impl<T: Copy + PartialEq> PartialEq for SmallList<T> {
    fn eq(&self, other: &Self) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + Eq> Eq for SmallList<T> {}

impl<T: Copy + PartialEq, const N: usize> PartialEq<[T; N]> for SmallList<T> {
    fn eq(&self, other: &[T; N]) -> bool {
        self.as_slice() == other
    }
}

impl<T: Copy + PartialEq> PartialEq<[T]> for SmallList<T> {
    fn eq(&self, other: &[T]) -> bool {
        self.as_slice() == other
    }
}

impl<T: Copy + PartialEq> PartialEq<&[T]> for SmallList<T> {
    fn eq(&self, other: &&[T]) -> bool {
        self.as_slice() == *other
    }
}

impl<T: Copy + PartialEq> PartialEq<Vec<T>> for SmallList<T> {
    fn eq(&self, other: &Vec<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + PartialEq> PartialEq<SmallList<T>> for Vec<T> {
    fn eq(&self, other: &SmallList<T>) -> bool {
        self.as_slice() == other.as_slice()
    }
}

impl<T: Copy + PartialEq, const N: usize> PartialEq<SmallList<T>> for [T; N] {
    fn eq(&self, other: &SmallList<T>) -> bool {
        self[..] == *other.as_slice()
    }
}

impl<T: Copy + PartialEq> PartialEq<SmallList<T>> for [T] {
    fn eq(&self, other: &SmallList<T>) -> bool {
        self == other.as_slice()
    }
}

impl<T: Copy + PartialEq> PartialEq<SmallList<T>> for &[T] {
    fn eq(&self, other: &SmallList<T>) -> bool {
        *self == other.as_slice()
    }
}

impl<T: Copy + PartialOrd> PartialOrd for SmallList<T> {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        self.as_slice().partial_cmp(other.as_slice())
    }
}

impl<T: Copy + Ord> Ord for SmallList<T> {
    fn cmp(&self, other: &Self) -> Ordering {
        self.as_slice().cmp(other.as_slice())
    }
}

impl<T: Copy + Hash> Hash for SmallList<T> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.as_slice().hash(state);
    }
}

impl<T: Copy> Extend<T> for SmallList<T> {
    fn extend<I: IntoIterator<Item = T>>(&mut self, iter: I) {
        for item in iter {
            self.push(item);
        }
    }
}

impl<'a, T: Copy + 'a> Extend<&'a T> for SmallList<T> {
    fn extend<I: IntoIterator<Item = &'a T>>(&mut self, iter: I) {
        self.extend(iter.into_iter().copied());
    }
}

impl<T: Copy> FromIterator<T> for SmallList<T> {
    fn from_iter<I: IntoIterator<Item = T>>(iter: I) -> Self {
        let mut list = Self::new();
        list.extend(iter);
        list
    }
}

impl<T: Copy> From<Vec<T>> for SmallList<T> {
    /// Keeps a list of more than two items in the `Vec` it came in.
    fn from(v: Vec<T>) -> Self {
        if v.len() > INLINE_ITEMS {
            Self {
                repr: Repr::Heap(v),
            }
        } else {
            v.into_iter().collect()
        }
    }
}

impl<T: Copy> From<&[T]> for SmallList<T> {
    fn from(items: &[T]) -> Self {
        items.iter().copied().collect()
    }
}

impl<T: Copy, const N: usize> From<[T; N]> for SmallList<T> {
    fn from(items: [T; N]) -> Self {
        items.into_iter().collect()
    }
}

impl<T: Copy> From<SmallList<T>> for Vec<T> {
    fn from(list: SmallList<T>) -> Self {
        list.into_vec()
    }
}

impl<'l, T: Copy> IntoIterator for &'l SmallList<T> {
    type Item = &'l T;
    type IntoIter = std::slice::Iter<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_slice().iter()
    }
}

impl<'l, T: Copy> IntoIterator for &'l mut SmallList<T> {
    type Item = &'l mut T;
    type IntoIter = std::slice::IterMut<'l, T>;

    fn into_iter(self) -> Self::IntoIter {
        self.as_mut_slice().iter_mut()
    }
}

impl<T: Copy> IntoIterator for SmallList<T> {
    type Item = T;
    type IntoIter = IntoIter<T>;

    fn into_iter(self) -> Self::IntoIter {
        IntoIter {
            end: self.len(),
            next: 0,
            list: self,
        }
    }
}

/// The items of a [`SmallList`], by value.
#[derive(Debug, Clone)]
pub struct IntoIter<T: Copy> {
    list: SmallList<T>,
    next: usize,
    end: usize,
}

impl<T: Copy> Iterator for IntoIter<T> {
    type Item = T;

    fn next(&mut self) -> Option<T> {
        let item = self.list[self.next..self.end].first().copied()?;
        self.next += 1;
        Some(item)
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        let n = self.end - self.next;
        (n, Some(n))
    }
}

impl<T: Copy> DoubleEndedIterator for IntoIter<T> {
    fn next_back(&mut self) -> Option<T> {
        let item = self.list[self.next..self.end].last().copied()?;
        self.end -= 1;
        Some(item)
    }
}

impl<T: Copy> ExactSizeIterator for IntoIter<T> {}

impl<T: Copy> FusedIterator for IntoIter<T> {}

impl<T: Copy + Serialize> Serialize for SmallList<T> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.len()))?;
        for item in self.iter() {
            seq.serialize_element(item)?;
        }
        seq.end()
    }
}

impl<'de, T: Copy + Deserialize<'de>> Deserialize<'de> for SmallList<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Items<T>(std::marker::PhantomData<T>);

        impl<'de, T: Copy + Deserialize<'de>> Visitor<'de> for Items<T> {
            type Value = SmallList<T>;

            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a list")
            }

            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
                let mut list = SmallList::new();
                // A size hint comes from the input: trust it only as far as it is small.
                list.reserve(seq.size_hint().unwrap_or(0).min(1 << 10));
                while let Some(item) = seq.next_element()? {
                    list.push(item);
                }
                Ok(list)
            }
        }

        deserializer.deserialize_seq(Items(std::marker::PhantomData))
    }
}

/// The consecutive ids `start..end` of one table (a paragraph's sentences).
///
/// It iterates as the ids themselves and serialises as the JSON array of them, the form a
/// list of ids would take; reading one back checks that the ids follow one another.
///
/// ```
/// use quotative::{IdRange, SentenceId};
///
/// let ids = IdRange::new(SentenceId(3), SentenceId(5));
/// assert_eq!(ids.len(), 2);
/// assert_eq!(ids.iter().collect::<Vec<_>>(), [SentenceId(3), SentenceId(4)]);
/// assert_eq!(ids.first(), Some(SentenceId(3)));
/// assert!(ids.contains(SentenceId(4)) && !ids.contains(SentenceId(5)));
/// ```
///
/// All empty ranges are equal (and hash alike), whatever their bounds.
#[derive(Debug, Clone, Copy)]
pub struct IdRange<I> {
    /// The first id.
    pub start: I,
    /// One past the last id.
    pub end: I,
}

impl<I> IdRange<I> {
    /// The ids from `start` up to, not including, `end`.
    #[inline]
    pub const fn new(start: I, end: I) -> Self {
        Self { start, end }
    }
}

/// The ids of an [`IdRange`], in order.
#[derive(Debug, Clone)]
pub struct IdIter<I> {
    ids: Range<u32>,
    id: PhantomData<fn() -> I>,
}

macro_rules! id_ranges {
    ($($name:ident),*) => {$(
        impl PartialEq for IdRange<$name> {
            fn eq(&self, other: &Self) -> bool {
                (self.is_empty() && other.is_empty())
                    || (self.start == other.start && self.end == other.end)
            }
        }

        impl Eq for IdRange<$name> {}

        impl Hash for IdRange<$name> {
            fn hash<H: Hasher>(&self, state: &mut H) {
                if self.is_empty() {
                    (0u32, 0u32).hash(state);
                } else {
                    (self.start.0, self.end.0).hash(state);
                }
            }
        }

        impl Iterator for IdIter<$name> {
            type Item = $name;

            #[inline]
            fn next(&mut self) -> Option<$name> {
                self.ids.next().map($name)
            }

            fn size_hint(&self) -> (usize, Option<usize>) {
                self.ids.size_hint()
            }
        }

        impl DoubleEndedIterator for IdIter<$name> {
            fn next_back(&mut self) -> Option<$name> {
                self.ids.next_back().map($name)
            }
        }

        impl ExactSizeIterator for IdIter<$name> {}

        impl FusedIterator for IdIter<$name> {}

        impl Default for IdRange<$name> {
            /// No id (`0..0`).
            fn default() -> Self {
                Self::new($name(0), $name(0))
            }
        }

        impl IdRange<$name> {
            /// How many ids there are.
            #[inline]
            pub fn len(&self) -> usize {
                self.end.index().saturating_sub(self.start.index())
            }

            /// Whether there is no id.
            #[inline]
            pub fn is_empty(&self) -> bool {
                self.end.0 <= self.start.0
            }

            /// Whether `id` is one of them.
            #[inline]
            pub fn contains(&self, id: $name) -> bool {
                self.start.0 <= id.0 && id.0 < self.end.0
            }

            /// The first id, if any.
            #[inline]
            pub fn first(&self) -> Option<$name> {
                (!self.is_empty()).then_some(self.start)
            }

            /// The last id, if any.
            #[inline]
            pub fn last(&self) -> Option<$name> {
                (!self.is_empty()).then(|| $name(self.end.0 - 1))
            }

            /// The `k`-th id, if there are that many.
            #[inline]
            pub fn get(&self, k: usize) -> Option<$name> {
                (k < self.len()).then(|| $name(self.start.0 + k as u32))
            }

            /// The ids, in order.
            #[inline]
            pub fn iter(&self) -> IdIter<$name> {
                IdIter {
                    ids: self.start.0..self.end.0.max(self.start.0),
                    id: PhantomData,
                }
            }

            /// The ids as indexes into their table: `&article.sentences()[p.sentences.indices()]`
            /// are the paragraph's sentences.
            #[inline]
            pub fn indices(&self) -> Range<usize> {
                self.start.index()..self.end.index().max(self.start.index())
            }
        }

        impl IntoIterator for IdRange<$name> {
            type Item = $name;
            type IntoIter = IdIter<$name>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl IntoIterator for &IdRange<$name> {
            type Item = $name;
            type IntoIter = IdIter<$name>;

            fn into_iter(self) -> Self::IntoIter {
                self.iter()
            }
        }

        impl Serialize for IdRange<$name> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.collect_seq(self.iter())
            }
        }

        impl<'de> Deserialize<'de> for IdRange<$name> {
            fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                struct Ids;

                impl<'de> Visitor<'de> for Ids {
                    type Value = IdRange<$name>;

                    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                        f.write_str("a list of consecutive ids")
                    }

                    fn visit_seq<A: SeqAccess<'de>>(
                        self,
                        mut seq: A,
                    ) -> Result<Self::Value, A::Error> {
                        let Some(first) = seq.next_element::<$name>()? else {
                            return Ok(IdRange::default());
                        };
                        let mut end = first.0;
                        while let Some(id) = seq.next_element::<$name>()? {
                            if Some(id.0) != end.checked_add(1) {
                                return Err(A::Error::custom(format_args!(
                                    "id {} does not follow id {}",
                                    id.0, end
                                )));
                            }
                            end = id.0;
                        }
                        let end = end.checked_add(1).ok_or_else(|| {
                            A::Error::custom("the last id of a range must be below u32::MAX")
                        })?;
                        Ok(IdRange::new(first, $name(end)))
                    }
                }

                deserializer.deserialize_seq(Ids)
            }
        }
    )*};
}

id_ranges!(
    ParagraphId,
    SentenceId,
    QuotationId,
    QuoteId,
    MentionId,
    SpeakerId,
    ClaimId,
    PatternId
);

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Span;

    #[test]
    fn pushes_past_the_inline_items_keep_every_item_in_order() {
        let mut list = SmallList::new();
        let mut want = Vec::new();
        for k in 0..9 {
            assert_eq!(list.spilled(), k > INLINE_ITEMS);
            list.push(k);
            want.push(k);
            assert_eq!(list[..], want[..]);
        }
        list.clear();
        assert!(list.is_empty() && !list.spilled());
    }

    #[test]
    fn inserts_anywhere_match_vec_inserts() {
        for n in 0..5 {
            for at in 0..=n {
                let mut list: SmallList<u32> = (0..n as u32).collect();
                let mut want: Vec<u32> = (0..n as u32).collect();
                list.insert(at, 99);
                want.insert(at, 99);
                assert_eq!(list[..], want[..], "{n} {at}");
            }
        }
    }

    #[test]
    fn reserve_moves_to_the_heap_only_past_the_inline_items() {
        let mut list = SmallList::one(Span::new(0, 1));
        list.reserve(1);
        assert!(!list.spilled());
        list.reserve(2);
        assert!(list.spilled());
        assert_eq!(list[..], [Span::new(0, 1)]);
    }

    #[test]
    fn lists_compare_and_hash_as_their_items() {
        use std::collections::hash_map::DefaultHasher;
        let hash = |l: &SmallList<u8>| {
            let mut h = DefaultHasher::new();
            l.hash(&mut h);
            h.finish()
        };
        let a: SmallList<u8> = vec![1, 2, 3].into();
        let mut b = SmallList::new();
        b.extend([1, 2, 3]);
        assert!(a.spilled() && b.spilled());
        assert_eq!(a, b);
        assert_eq!(hash(&a), hash(&b));
        assert_ne!(a, SmallList::from(&[1, 2][..]));
        assert_eq!(Vec::from(a), [1, 2, 3]);
        assert_eq!(format!("{b:?}"), "[1, 2, 3]");
    }

    #[test]
    fn lists_round_trip_through_json_as_arrays() {
        for n in 0..5u32 {
            let list: SmallList<SentenceId> = (0..n).map(SentenceId).collect();
            let json = serde_json::to_string(&list).unwrap();
            let want: Vec<u32> = (0..n).collect();
            assert_eq!(json, serde_json::to_string(&want).unwrap());
            let back: SmallList<SentenceId> = serde_json::from_str(&json).unwrap();
            assert_eq!(back, list);
        }
    }

    #[test]
    fn id_ranges_read_back_only_consecutive_ids() {
        let range = IdRange::new(SentenceId(4), SentenceId(7));
        let json = serde_json::to_string(&range).unwrap();
        assert_eq!(json, "[4,5,6]");
        assert_eq!(
            serde_json::from_str::<IdRange<SentenceId>>(&json).unwrap(),
            range
        );
        assert!(serde_json::from_str::<IdRange<SentenceId>>("[]")
            .unwrap()
            .is_empty());
        for bad in ["[4,6]", "[4,4]", "[5,4]", "[4294967295]"] {
            let err = serde_json::from_str::<IdRange<SentenceId>>(bad).unwrap_err();
            assert!(err.to_string().contains("id"), "{bad}: {err}");
        }
    }

    proptest::proptest! {
        #[test]
        fn every_edit_matches_the_same_edit_of_a_vec(
            ops in proptest::collection::vec((0u8..9, 0usize..8, 0u8..4), 0..40),
        ) {
            let mut list: SmallList<u8> = SmallList::new();
            let mut model: Vec<u8> = Vec::new();
            for (op, n, x) in ops {
                match op {
                    0 | 1 => {
                        list.push(x);
                        model.push(x);
                    }
                    2 => {
                        let at = n.min(model.len());
                        list.insert(at, x);
                        model.insert(at, x);
                    }
                    3 => {
                        list.truncate(n);
                        model.truncate(n);
                    }
                    4 => {
                        list.dedup();
                        model.dedup();
                    }
                    5 => list.reserve(n),
                    6 => proptest::prop_assert_eq!(list.pop(), model.pop()),
                    7 if n < model.len() => {
                        proptest::prop_assert_eq!(list.remove(n), model.remove(n));
                    }
                    7 => {}
                    _ => {
                        list.retain(|&y| y != x);
                        model.retain(|&y| y != x);
                    }
                }
                proptest::prop_assert_eq!(&list[..], &model[..]);
                proptest::prop_assert_eq!(list.spilled() || model.len() <= INLINE_ITEMS, true);
            }
            proptest::prop_assert_eq!(list.into_vec(), model);
        }
    }

    #[test]
    fn lists_do_what_vecs_do() {
        let mut list = SmallList::from([3, 1, 4, 1, 5]);
        assert_eq!(
            list.clone().into_iter().collect::<Vec<_>>(),
            [3, 1, 4, 1, 5]
        );
        assert_eq!(
            list.clone().into_iter().rev().collect::<Vec<_>>(),
            [5, 1, 4, 1, 3]
        );
        assert_eq!(list.clone().into_iter().len(), 5);
        for x in &mut list {
            *x *= 2;
        }
        assert_eq!(vec![6, 2, 8, 2, 10], list);
        assert_eq!([6, 2, 8, 2, 10], list);
        assert_eq!(list.remove(1), 2);
        assert_eq!(list.pop(), Some(10));
        list.retain(|&x| x != 2);
        assert_eq!(list, [6, 8]);
        list.extend_from_slice(&[1]);
        list.extend(&[0]);
        assert_eq!(list, [6, 8, 1, 0]);
        let (a, b, c) = (
            SmallList::from([1, 2]),
            SmallList::from([1, 3]),
            SmallList::one(1),
        );
        assert_eq!(a.cmp(&b), Ordering::Less);
        assert_eq!(c.partial_cmp(&a), Some(Ordering::Less));
        let mut one = SmallList::one(7u8);
        assert_eq!((one.pop(), one.pop()), (Some(7), None));
        assert!(one.is_empty());
        // Reserving more than memory can hold is left to the heap, as a `Vec` would.
        let mut list = SmallList::one(1u8);
        let tried = std::panic::catch_unwind(move || list.reserve(usize::MAX));
        assert!(tried.is_err());
    }

    #[test]
    fn empty_ranges_are_equal_and_ranges_index_their_table() {
        use std::collections::HashSet;
        let empty = [
            IdRange::new(SentenceId(5), SentenceId(5)),
            IdRange::new(SentenceId(9), SentenceId(2)),
            IdRange::default(),
        ];
        let set: HashSet<_> = empty.iter().copied().collect();
        assert_eq!(set.len(), 1);
        let back: IdRange<SentenceId> =
            serde_json::from_str(&serde_json::to_string(&empty[0]).unwrap()).unwrap();
        assert_eq!(back, empty[0]);
        assert_ne!(IdRange::new(SentenceId(1), SentenceId(2)), empty[0]);
        let table = ["a", "b", "c", "d"];
        let range = IdRange::new(SentenceId(1), SentenceId(3));
        assert_eq!(table[range.indices()], ["b", "c"]);
        assert!(empty[1].indices().is_empty());
        let mut ids = range.iter();
        assert_eq!(ids.len(), 2);
        assert_eq!(
            (ids.next_back(), ids.next(), ids.next()),
            (Some(SentenceId(2)), Some(SentenceId(1)), None)
        );
    }

    #[test]
    fn an_inverted_range_is_empty() {
        let range = IdRange::new(QuoteId(5), QuoteId(2));
        assert!(range.is_empty());
        assert_eq!(range.len(), 0);
        assert_eq!(range.iter().count(), 0);
        assert_eq!(
            (range.first(), range.last(), range.get(0)),
            (None, None, None)
        );
    }
}
