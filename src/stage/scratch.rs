//! Working buffers a stage keeps per thread between parses, so that a parse after the first
//! seldom allocates them again.
//!
//! A stage's buffers live in a `thread_local!` slot of `Cell<T>`. A parse takes them out
//! for its run and puts them back after: a nested call, or one while the thread is ending,
//! simply gets new, empty buffers, so nothing can panic or be shared. Every stage clears
//! what it takes before use, so nothing of one parse reaches the next, and each decides
//! whether buffers a very long text made large are worth keeping.

use std::cell::Cell;
use std::thread::LocalKey;

/// This thread's buffers from `slot`, grown by earlier parses; new, empty ones when another
/// caller has them or the thread is ending. Give them back with [`put`].
pub(crate) fn take<T: Default>(slot: &'static LocalKey<Cell<T>>) -> T {
    slot.try_with(Cell::take).unwrap_or_default()
}

/// Keeps `buffers` in `slot` for the next [`take`] on this thread when `keep` (callers say
/// no for buffers a very long text made large); nothing is kept when the thread is ending.
pub(crate) fn put<T>(slot: &'static LocalKey<Cell<T>>, buffers: T, keep: bool) {
    if keep {
        let _ = slot.try_with(|s| s.set(buffers));
    }
}
