//! A fast, deterministic hasher for the stages' maps, whose keys are small: word hashes,
//! spans, ids, short words.
//!
//! Keys are folded in a word at a time (as `FxHash` does) and the result goes through a
//! bijective finaliser (`MurmurHash3`'s), so every key bit reaches the bits a table indexes
//! by: keys that differ only in their high bits, or that input text was written to bunch
//! together, still spread, and no input can make a map quadratic beyond chance.

use std::collections::HashMap;
#[cfg(test)]
use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

/// A `HashMap` with [`FastHasher`].
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A `HashSet` with [`FastHasher`] (no stage keeps a set now; the tests use one).
#[cfg(test)]
pub(crate) type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

/// See the [module](self) documentation.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct FastHasher {
    h: u64,
}

const K: u64 = 0x517c_c1b7_2722_0a95;

impl FastHasher {
    #[inline]
    fn add(&mut self, x: u64) {
        self.h = (self.h.rotate_left(5) ^ x).wrapping_mul(K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes([
                c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7],
            ]));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            let mut b = [0u8; 8];
            b[..rest.len()].copy_from_slice(rest);
            // The length keeps `a` and `a\0` apart.
            self.add(u64::from_le_bytes(b) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }

    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }

    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }

    #[inline]
    fn finish(&self) -> u64 {
        let mut h = self.h;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::BuildHasher;

    #[test]
    fn keys_spread_over_low_bits() {
        let build = BuildHasherDefault::<FastHasher>::default();
        // Keys that differ only in their high bits land in different buckets.
        let mut low = FastSet::default();
        for i in 0..1024u64 {
            low.insert(build.hash_one(i << 40) & 0x3ff);
        }
        assert!(low.len() > 500, "{}", low.len());
        assert_ne!(build.hash_one("a"), build.hash_one("a\0"));
    }

    #[test]
    fn maps_work() {
        let mut m: FastMap<&str, usize> = FastMap::default();
        for (i, w) in ["Mr.", "Sen.", "U.S.", "a"].iter().enumerate() {
            m.insert(w, i);
        }
        assert_eq!(m.get("Sen."), Some(&1));
        assert_eq!(m.get("Dr."), None);
    }
}
