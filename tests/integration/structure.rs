//! Tests: structure.
