//! Quotation marks: pairing per paragraph, nesting, continuation across paragraphs.

use crate::{Paragraph, Quotation};

/// Finds every quotation in the paragraphs. (Placeholder: none yet.)
pub(crate) fn find(_text: &str, _paragraphs: &[Paragraph]) -> Vec<Quotation> {
    Vec::new()
}
