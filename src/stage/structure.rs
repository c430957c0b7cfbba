//! Article layout: headline and its repeats, key points, byline, dateline, section labels and
//! the body's paragraphs.

use crate::{Byline, Span};

/// One block of text that becomes a paragraph.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Block {
    pub(crate) span: Span,
    pub(crate) bullet: bool,
}

/// What [`analyse`] finds.
#[derive(Debug, Default)]
pub(crate) struct Layout {
    pub(crate) headline: Option<Span>,
    pub(crate) headline_repeats: Vec<Span>,
    pub(crate) key_points: Vec<Span>,
    pub(crate) byline: Option<Byline>,
    pub(crate) dateline: Option<Span>,
    pub(crate) sections: Vec<Span>,
    pub(crate) paragraphs: Vec<Block>,
}

/// Splits `text` into its layout. (Placeholder: blank-line paragraphs only.)
pub(crate) fn analyse(text: &str) -> Layout {
    let mut layout = Layout::default();
    let mut start = None;
    let mut last_end = 0;
    let mut pos = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            if let Some(s) = start.take() {
                layout.paragraphs.push(Block {
                    span: Span::new(s, last_end),
                    bullet: false,
                });
            }
        } else {
            let lead = line.len() - line.trim_start().len();
            if start.is_none() {
                start = Some(pos + lead);
            }
            last_end = pos + line.trim_end().len();
        }
        pos += line.len();
    }
    if let Some(s) = start {
        layout.paragraphs.push(Block {
            span: Span::new(s, last_end),
            bullet: false,
        });
    }
    layout
}
