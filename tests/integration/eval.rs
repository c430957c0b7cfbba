//! Tests: eval.
