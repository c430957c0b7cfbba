//! The pipeline's stages, in the order [`Parser`](crate::Parser) runs them. Each reads the
//! tables before it and writes its own.

pub(crate) mod attribute;
pub(crate) mod claims;
pub(crate) mod coref;
pub(crate) mod find;
pub(crate) mod hash;
pub(crate) mod names;
pub(crate) mod quotation;
pub(crate) mod scratch;
pub(crate) mod sentence;
pub(crate) mod structure;
pub(crate) mod token;
pub(crate) mod words;
