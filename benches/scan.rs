//! Benchmark placeholder; filled by the benchmark work.

fn main() {}
