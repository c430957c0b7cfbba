//! Integration tests: one binary, one module per area.

#![allow(dead_code)]

mod body;
mod shared;

mod attribution;
mod claims;
mod eval;
mod examples;
mod pathological;
mod patterns;
mod props;
mod quotations;
mod sentences;
mod smoke;
mod speakers;
mod structure;
