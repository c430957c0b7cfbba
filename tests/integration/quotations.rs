//! Tests: quotations.
