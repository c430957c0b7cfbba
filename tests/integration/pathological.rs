//! Tests: pathological.
