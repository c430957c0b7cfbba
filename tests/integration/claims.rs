//! Tests: claims.
