//! Tests: speakers.
