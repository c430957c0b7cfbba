//! Tests: sentences.
