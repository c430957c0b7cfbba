//! Attribution: named sieves that give quotes their speaker mention and cue.

use crate::parse::Config;
use crate::Article;

/// Finds mentions and attributed quotes. (Placeholder: none yet.)
pub(crate) fn run(_config: &Config, _article: &mut Article<'_>) {}
