//! Byte searches whose searcher is set up once rather than on every call.
//!
//! `memchr`'s free functions pick the CPU's routine through a function pointer and broadcast
//! the needles into vector registers on every call. On a line or a sentence of text that setup
//! costs about as much as the search itself, and the layout and sentence stages search
//! tens of thousands of such short stretches per text. A [`Three`] made once (in a static)
//! keeps the routine and the needles; where the wide routine is unavailable (another
//! architecture, an older CPU) it calls `memchr` as before. Results are the same either way.

/// Defines a search for the first of some needle bytes: `$name` wraps `memchr`'s AVX2
/// searcher of the same name and falls back to `$free` (`memchr::memchr2`, `memchr3`).
macro_rules! searcher {
    ($(#[$doc:meta])* $name:ident, $free:path, $($n:ident),+) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub(crate) struct $name {
            needles: ($(searcher!(@byte $n),)+),
            #[cfg(target_arch = "x86_64")]
            avx2: Option<memchr::arch::x86_64::avx2::memchr::$name>,
        }

        impl $name {
            /// A search for any of the given bytes.
            pub(crate) fn new($($n: u8),+) -> Self {
                Self {
                    needles: ($($n,)+),
                    #[cfg(target_arch = "x86_64")]
                    avx2: memchr::arch::x86_64::avx2::memchr::$name::new($($n),+),
                }
            }

            /// The index of the first needle byte in `hay`, if any.
            #[inline]
            pub(crate) fn find(&self, hay: &[u8]) -> Option<usize> {
                #[cfg(target_arch = "x86_64")]
                if let Some(s) = &self.avx2 {
                    return s.find(hay);
                }
                let ($($n,)+) = self.needles;
                $free($($n),+, hay)
            }
        }
    };
    (@byte $n:ident) => { u8 };
}

searcher!(
    /// A search for the first of two bytes.
    Two, memchr::memchr2, a, b
);
searcher!(
    /// A search for the first of three bytes.
    Three, memchr::memchr3, a, b, c
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_what_memchr_finds() {
        // Each needle occurs (once in 97 bytes), alone or first, at every offset from the
        // start of haystacks short and long enough for every routine.
        let hay: Vec<u8> = (0..300u32).map(|i| (i * 7 % 97) as u8 + 20).collect();
        let (two, three) = (Two::new(b'.', b'?'), Three::new(b'.', b'?', b'!'));
        for from in 0..hay.len() {
            for to in from..hay.len().min(from + 140) {
                let h = &hay[from..to];
                assert_eq!(two.find(h), memchr::memchr2(b'.', b'?', h));
                assert_eq!(three.find(h), memchr::memchr3(b'.', b'?', b'!', h));
            }
        }
        assert!(hay.contains(&b'!'));
    }
}
