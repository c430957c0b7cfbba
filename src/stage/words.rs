//! Function words the attribution stage reads tokens by. Each word's classes are looked up
//! once, when the token is made, and kept as bits on the token.

use once_cell::sync::Lazy;

use crate::stage::attribute;
use crate::stage::names::WordTable;

/// Words that end a noun phrase when walking over it.
pub(crate) const STOP: u32 = 1 << 0;

/// Words a noun phrase may start with; walking back over a phrase stops after one of them
/// unless a linking preposition comes before it.
pub(crate) const DETERMINER: u32 = 1 << 1;

/// Prepositions that link two parts of one noun phrase (`a spokesman for the campaign`).
pub(crate) const LINK: u32 = 1 << 2;

/// Personal pronouns that can be speakers.
pub(crate) const PRONOUN: u32 = 1 << 3;

/// Auxiliaries and adverbs that may stand between a subject and its cue.
pub(crate) const AUX: u32 = 1 << 4;

/// Words that open an adjunct between a cue and what was said (`said on Wednesday that`).
pub(crate) const ADJUNCT: u32 = 1 << 5;

/// Words after which a new clause, and so a new subject, starts.
pub(crate) const CLAUSE_OPENER: u32 = 1 << 6;

/// Words that, after a comma, start a new clause and so end a reported one.
pub(crate) const BREAKER: u32 = 1 << 7;

/// Words that end a time adjunct (`Minutes later,`).
pub(crate) const TIME: u32 = 1 << 8;

/// Forms of `be`.
pub(crate) const BE: u32 = 1 << 9;

/// Frequent irregular past tenses: they end a noun phrase (they are also in [`STOP`]) and
/// mark the verb after a subject (`The paper took note …`).
pub(crate) const PAST: u32 = 1 << 10;

/// `and` and `but`, which join a second cue to a first (`said X and added Y`).
pub(crate) const AND_BUT: u32 = 1 << 11;

/// The classes above: function words, which the attribution stage tells apart from content
/// words (the classes below mark single lists of its own).
pub(crate) const FUNCTION: u32 = (1 << 12) - 1;

/// `that`.
pub(crate) const THAT: u32 = 1 << 12;

/// `to`.
pub(crate) const TO: u32 = 1 << 13;

/// Number words ([`attribute::NUMBER_WORDS`]).
pub(crate) const NUMBER: u32 = 1 << 14;

/// Number words above one (all of [`attribute::NUMBER_WORDS`] but the first).
pub(crate) const NUMBER_ABOVE_ONE: u32 = 1 << 15;

/// Nouns of a written or recorded medium ([`attribute::MEDIUM_NOUNS`]).
pub(crate) const MEDIUM: u32 = 1 << 16;

/// Subordinating conjunctions ([`attribute::SUBORDINATORS`]).
pub(crate) const SUBORDINATOR: u32 = 1 << 17;

/// Words that open a postmodifier ([`attribute::POSTMODIFIER_OPENERS`]).
pub(crate) const POSTMODIFIER: u32 = 1 << 18;

/// Adverbs that may stand between `be` and a passive participle ([`PASSIVE_ADVERBS`]).
pub(crate) const PASSIVE_ADVERB: u32 = 1 << 19;

/// `when`, `until`, `while` and `whereas` ([`TIME_CONJUNCTIONS`]).
pub(crate) const TIME_CONJUNCTION: u32 = 1 << 20;

/// Quantifiers that may stand for a noun phrase ([`LONE_QUANTIFIERS`]).
pub(crate) const LONE_QUANTIFIER: u32 = 1 << 21;

/// Days and day words ([`attribute::DAY_WORDS`]).
pub(crate) const DAY: u32 = 1 << 22;

/// The days of the week (the first seven of [`attribute::DAY_WORDS`]).
pub(crate) const WEEKDAY: u32 = 1 << 23;

/// Lemmas (not tokens) of [`HEARER_VERBS`].
pub(crate) const HEARER_LEMMA: u32 = 1 << 24;

/// Lemmas (not tokens) of verbs whose passive may report what was said
/// ([`attribute::PASSIVE_RAISING_VERBS`], [`attribute::PASSIVE_AS_VERBS`],
/// [`attribute::PASSIVE_TO_VERBS`], [`HEARER_VERBS`]).
pub(crate) const PASSIVE_LEMMA: u32 = 1 << 25;

/// Not a word class: on a punctuation token that may break a clause (a comma, a semicolon,
/// a hyphen, and any character whose UTF-8 starts with byte `0xE2`, the dashes among them),
/// set by the tokenizer so that a scan for breaks tests one field.
///
/// Bits 0 to 29 are word classes and bit 31 is this flag: only bit 30 is free. A class
/// added beyond it needs a wider `Tok::class`.
pub(crate) const BREAK_PUNCT: u32 = 1 << 31;

/// Whether a punctuation token whose first byte is `b` takes [`BREAK_PUNCT`].
#[inline(always)]
pub(crate) fn punct_class(b: u8) -> u32 {
    // By table, without a branch on the byte.
    u32::from(BREAKS[usize::from(b)]) << BREAK_PUNCT.trailing_zeros()
}

/// Whether a punctuation token whose first byte is the index may break a clause
/// ([`punct_class`]).
static BREAKS: [bool; 256] = {
    let mut t = [false; 256];
    t[b',' as usize] = true;
    t[b';' as usize] = true;
    t[b'-' as usize] = true;
    t[0xE2] = true;
    t
};

/// Prepositions and adjectives that open a time adjunct ([`TIME_OPENERS`]).
pub(crate) const TIME_OPENER: u32 = 1 << 26;

/// Prepositions that open an adjunct rather than what was said ([`ADJUNCT_PREPOSITIONS`]).
pub(crate) const ADJUNCT_PREPOSITION: u32 = 1 << 27;

/// Conjunctions that may open a sentence's clause ([`CLAUSE_CONJUNCTIONS`]).
pub(crate) const CLAUSE_CONJUNCTION: u32 = 1 << 28;

/// First-person words of ASCII spelling ([`FIRST_PERSON_WORDS`]).
pub(crate) const FIRST_PERSON: u32 = 1 << 29;

/// First-person words, those with an ASCII apostrophe among them (`I'm`).
#[rustfmt::skip]
pub(crate) const FIRST_PERSON_WORDS: &[&str] = &[
    "i", "we", "our", "us", "my", "me", "i'm", "we're", "we'll", "i'll",
];

/// Words that open a time adjunct (`in September`, `last week`, `early Monday`).
pub(crate) const TIME_OPENERS: &[&str] = &["in", "on", "last", "during", "since", "early", "late"];

/// Prepositions that open an adjunct rather than what was said (`said with a smile`).
#[rustfmt::skip]
pub(crate) const ADJUNCT_PREPOSITIONS: &[&str] = &[
    "with", "into", "from", "during", "by", "under", "at", "after", "before",
];

/// Conjunctions that may open a sentence's clause (`And he said …`).
pub(crate) const CLAUSE_CONJUNCTIONS: &[&str] = &["and", "but", "so", "yet"];

/// Adverbs that may stand between `be` and a passive participle (`was never mentioned`).
#[rustfmt::skip]
pub(crate) const PASSIVE_ADVERBS: &[&str] = &[
    "not", "never", "also", "often", "first", "since", "long", "just", "still", "once", "later",
    "best", "well", "better",
];

/// Conjunctions of time and contrast that open an adjunct clause.
pub(crate) const TIME_CONJUNCTIONS: &[&str] = &["when", "until", "while", "whereas"];

/// Quantifiers that may stand for a noun phrase (`most said …`).
pub(crate) const LONE_QUANTIFIERS: &[&str] =
    &["most", "some", "many", "few", "several", "both", "all"];

#[rustfmt::skip]
const STOP_WORDS: &[&str] = &[
    "in", "on", "at", "to", "into", "onto", "by", "with", "without", "after", "before", "during",
    "since", "until", "about", "over", "under", "through", "against", "among", "between",
    "across", "behind", "toward", "towards", "upon", "via", "like", "per", "despite", "than",
    "and", "but", "or", "nor", "so", "yet", "because", "although", "though", "while", "whereas",
    "if", "unless", "when", "where", "whether", "as", "once", "that", "which", "who", "whom",
    "whose", "what", "is", "are", "was", "were", "be", "been", "being", "has", "have", "had",
    "do", "does", "did", "will", "would", "can", "could", "should", "may", "might", "must",
    "shall", "not", "no", "there", "here", "also", "then", "now", "just", "only", "even", "still",
    "already", "however", "meanwhile", "yesterday", "today", "tonight", "tomorrow", "earlier",
    "later", "ago", "recently", "him", "them", "us", "me", "it", "this", "said", "says", "say",
    "told", "if", "how", "why", "of", "for", "from", "thus", "too", "very", "again", "instead",
    "indeed", "moreover", "furthermore", "therefore", "nevertheless", "last", "next", "ever",
    "never", "always", "often", "sometimes", "soon", "took", "made", "gave", "went", "came",
    "got", "saw", "knew", "thought", "found", "left", "felt", "kept", "held", "brought", "began",
    "ran", "stood", "won", "lost", "met", "paid", "sent", "built", "spent", "led", "fell",
    "chose", "drove", "wrote", "spoke", "broke", "rose", "became", "sought", "fought", "caught",
    "taught", "bought", "meant", "sat", "shot",
];

#[rustfmt::skip]
const DETERMINERS_WORDS: &[&str] = &[
    "the", "a", "an", "his", "her", "their", "its", "our", "my", "your", "these", "those", "some",
    "several", "many", "other", "both", "all", "most", "few", "another", "each", "every", "any",
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
];

#[rustfmt::skip]
const LINKS_WORDS: &[&str] = &[
    "of", "for", "from", "with", "at", "by",
];

#[rustfmt::skip]
const PRONOUNS_WORDS: &[&str] = &[
    "he", "she", "they", "we", "i", "it", "you",
];

#[rustfmt::skip]
const AUX_WORDS: &[&str] = &[
    "has", "have", "had", "also", "repeatedly", "later", "then", "previously", "recently", "once",
    "now",
    "will", "would", "could", "should", "may", "might", "can", "did", "does", "do", "is", "was",
    "were", "are", "been", "be", "not", "never", "first", "again", "further", "already", "still",
    "just", "even", "only", "often", "long", "since", "subsequently", "initially", "finally",
    "ultimately", "immediately", "had", "n't", "quickly", "once", "reportedly", "allegedly",
    "apparently", "soon",
];

/// Verbs whose first complement is the hearer (`told reporters that …`).
#[rustfmt::skip]
pub(crate) const HEARER_VERBS: &[&str] = &[
    "tell", "remind", "warn", "assure", "inform", "ask", "urge", "advise", "notify", "caution",
    "promise", "convince", "persuade", "brief", "email", "text", "message", "reassure", "teach",
];

#[rustfmt::skip]
const ADJUNCT_WORDS: &[&str] = &[
    "on", "in", "at", "during", "last", "earlier", "this", "late", "early", "yesterday", "today",
    "tonight", "repeatedly", "again", "also", "publicly", "privately", "recently", "previously",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "afterward",
    "afterwards", "later", "separately", "flatly", "bluntly", "firmly", "simply", "then", "once",
    "over", "via", "through", "after", "before", "while", "when", "shortly",
];

#[rustfmt::skip]
const CLAUSE_OPENERS_WORDS: &[&str] = &[
    "and", "but", "so", "then", "yet", "while", "because", "when", "as", "although", "though",
    "after", "before", "if", "since", "that", "which", "who", "whom", "where", "meanwhile",
    "also", "or", "whereas", "once", "until", "unless", "why", "how",
];

#[rustfmt::skip]
const BREAKERS_WORDS: &[&str] = &[
    "and", "but", "while", "which", "who", "whereas", "compared", "although", "though",
    "including", "even", "a", "an", "often", "after", "because", "despite", "part", "instead",
];

#[rustfmt::skip]
const TIME_WORDS_WORDS: &[&str] = &[
    "later", "ago", "earlier", "yesterday", "today", "tonight", "week", "month", "year", "monday",
    "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "morning", "afternoon",
    "evening", "night", "weekend", "time", "moment",
];

#[rustfmt::skip]
const BE_WORDS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "am",
];

#[rustfmt::skip]
const PAST_WORDS: &[&str] = &[
    "took", "made", "gave", "went", "came", "got", "saw", "knew", "thought", "found", "left",
    "felt", "kept", "held", "brought", "began", "ran", "stood", "won", "lost", "met", "paid",
    "sent", "built", "spent", "led", "fell", "chose", "drove", "wrote", "spoke", "broke",
    "rose", "became", "sought", "fought", "caught", "taught", "bought", "meant", "sat", "shot",
    "said", "told", "says",
];

/// The longest listed word, in bytes.
pub(crate) const LONGEST: usize = 16;

/// Every listed word with its classes, and for each length the first letters that occur (a
/// cheap test that turns most other words away before any hashing).
pub(crate) struct Table {
    words: WordTable,
    first_letters: [u32; LONGEST + 1],
    /// The words by their packed bytes, in one allocation: a lookup reaches all four of its
    /// tables from one pointer.
    packed: Box<Packed>,
}

/// The packed-key tables of [`Table`].
struct Packed {
    /// The words of at most [`SHORT`] bytes by their bytes packed little-endian (no byte of
    /// a word is 0, so that tells its length too), open addressing with linear probing; 0
    /// marks a free slot.
    short_keys: [u64; SHORT_SLOTS],
    /// The classes of the word in the same slot of `short_keys`.
    short_classes: [u32; SHORT_SLOTS],
    /// The words of more than [`SHORT`] bytes, all ASCII letters and digits, by their
    /// [`Table::long`] key, open addressing with linear probing; `(0, 0)` marks a free slot.
    long_keys: [(u64, u64); LONG_SLOTS],
    /// The classes of the word in the same slot of `long_keys`.
    long_classes: [u32; LONG_SLOTS],
}

/// The longest word [`Table::short`] looks up, in bytes: with its length it fits one `u64`.
pub(crate) const SHORT: usize = 7;

/// The slots of the short-word table: a power of two, about ten times the short words, so
/// that most lookups end at the first slot.
const SHORT_SLOTS: usize = 1 << 12;

/// The home slot of a short key.
#[inline(always)]
fn short_slot(key: u64) -> usize {
    (key.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHORT_SLOTS.trailing_zeros())) as usize
}

/// The slots of the long-word table: a power of two, about four times the long words.
const LONG_SLOTS: usize = 1 << 9;

/// The home slot of a long key.
#[inline(always)]
fn long_slot((first, rest): (u64, u64)) -> usize {
    ((first ^ rest.rotate_left(29)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> (64 - LONG_SLOTS.trailing_zeros())) as usize
}

/// The bytes of `word` packed little-endian from byte `from` on, at most eight of them, the
/// rest 0.
fn packed(word: &[u8], from: usize) -> u64 {
    word.iter()
        .skip(from)
        .take(8)
        .enumerate()
        .fold(0, |k, (i, &b)| k | u64::from(b) << (8 * i))
}

impl Table {
    /// The classes of the word of one to [`SHORT`] bytes whose bytes, lower-cased and packed
    /// little-endian, are `key`; 0 for any other word.
    #[inline(always)]
    pub(crate) fn short(&self, key: u64) -> u32 {
        let mut i = short_slot(key);
        loop {
            let k = self.packed.short_keys[i];
            // One test for both ends of the probe, `k == key` or `k == 0` (a free slot's
            // classes are 0), so that whether the word is listed takes no branch of its
            // own: most lookups end at the first slot either way. (Written as a minimum,
            // which compiles to a conditional move: `|` of the two tests becomes two
            // branches.)
            if (k ^ key).min(k) == 0 {
                return self.packed.short_classes[i];
            }
            i = (i + 1) % SHORT_SLOTS;
        }
    }

    /// The classes of the word of [`SHORT`] + 1 to [`LONGEST`] ASCII letters and digits
    /// whose bytes, lower-cased and packed little-endian, are `first` (its first eight) and
    /// `rest` (the others, the bytes past its end 0); 0 for any other word.
    #[inline(always)]
    pub(crate) fn long(&self, first: u64, rest: u64) -> u32 {
        let key = (first, rest);
        let mut i = long_slot(key);
        loop {
            let k = self.packed.long_keys[i];
            // As in [`Table::short`]: a free slot's classes are 0.
            if (k.0 ^ key.0 | k.1 ^ key.1).min(k.0) == 0 {
                return self.packed.long_classes[i];
            }
            i = (i + 1) % LONG_SLOTS;
        }
    }

    /// Adds a word of eight to [`LONGEST`] ASCII letters and digits to the long-word table.
    fn insert_long(&mut self, word: &str, classes: u32) {
        let key = (packed(word.as_bytes(), 0), packed(word.as_bytes(), 8));
        let mut i = long_slot(key);
        while self.packed.long_keys[i] != (0, 0) && self.packed.long_keys[i] != key {
            i = (i + 1) % LONG_SLOTS;
        }
        self.packed.long_keys[i] = key;
        self.packed.long_classes[i] |= classes;
    }

    /// Adds a word of at most seven ASCII bytes to the packed short-word table.
    fn insert_short(&mut self, word: &str, classes: u32) {
        let key = packed(word.as_bytes(), 0);
        let mut i = short_slot(key);
        while self.packed.short_keys[i] != 0 && self.packed.short_keys[i] != key {
            i = (i + 1) % SHORT_SLOTS;
        }
        self.packed.short_keys[i] = key;
        self.packed.short_classes[i] |= classes;
    }
}

/// Each class bit with the words that carry it.
const CLASS_LISTS: &[(u32, &[&str])] = &[
    (STOP, STOP_WORDS),
    (DETERMINER, DETERMINERS_WORDS),
    (LINK, LINKS_WORDS),
    (PRONOUN, PRONOUNS_WORDS),
    (AUX, AUX_WORDS),
    (ADJUNCT, ADJUNCT_WORDS),
    (CLAUSE_OPENER, CLAUSE_OPENERS_WORDS),
    (BREAKER, BREAKERS_WORDS),
    (TIME, TIME_WORDS_WORDS),
    (BE, BE_WORDS),
    (PAST, PAST_WORDS),
    (AND_BUT, &["and", "but"]),
    (THAT, &["that"]),
    (TO, &["to"]),
    (NUMBER, attribute::NUMBER_WORDS),
    (NUMBER_ABOVE_ONE, NUMBERS_ABOVE_ONE),
    (MEDIUM, attribute::MEDIUM_NOUNS),
    (SUBORDINATOR, attribute::SUBORDINATORS),
    (POSTMODIFIER, attribute::POSTMODIFIER_OPENERS),
    (PASSIVE_ADVERB, PASSIVE_ADVERBS),
    (TIME_CONJUNCTION, TIME_CONJUNCTIONS),
    (LONE_QUANTIFIER, LONE_QUANTIFIERS),
    (DAY, attribute::DAY_WORDS),
    (WEEKDAY, WEEKDAYS),
    (HEARER_LEMMA, HEARER_VERBS),
    (PASSIVE_LEMMA, attribute::PASSIVE_RAISING_VERBS),
    (PASSIVE_LEMMA, attribute::PASSIVE_AS_VERBS),
    (PASSIVE_LEMMA, attribute::PASSIVE_TO_VERBS),
    (PASSIVE_LEMMA, HEARER_VERBS),
    (TIME_OPENER, TIME_OPENERS),
    (ADJUNCT_PREPOSITION, ADJUNCT_PREPOSITIONS),
    (CLAUSE_CONJUNCTION, CLAUSE_CONJUNCTIONS),
    (FIRST_PERSON, FIRST_PERSON_WORDS),
];

/// All number words but `one`.
const NUMBERS_ABOVE_ONE: &[&str] = attribute::NUMBER_WORDS.split_at(1).1;

/// The days of the week.
const WEEKDAYS: &[&str] = attribute::DAY_WORDS.split_at(7).0;

static TABLE: Lazy<Table> = Lazy::new(|| {
    let mut table = Table {
        words: WordTable::default(),
        first_letters: [0; LONGEST + 1],
        packed: Box::new(Packed {
            short_keys: [0; SHORT_SLOTS],
            short_classes: [0; SHORT_SLOTS],
            long_keys: [(0, 0); LONG_SLOTS],
            long_classes: [0; LONG_SLOTS],
        }),
    };
    for &(bit, words) in CLASS_LISTS {
        for w in words {
            debug_assert!(w.len() <= LONGEST && w.starts_with(|c: char| c.is_ascii_lowercase()));
            table.words.insert(w, bit);
            table.first_letters[w.len()] |= 1 << (w.as_bytes()[0] - b'a');
            if w.len() <= SHORT {
                table.insert_short(w, bit);
            } else if w.bytes().all(|b| b.is_ascii_alphanumeric()) {
                table.insert_long(w, bit);
            }
        }
    }
    table
});

/// The table of listed words, for [`classes_in`].
pub(crate) fn table() -> &'static Table {
    &TABLE
}

/// The classes of `word`, compared without regard to ASCII case; 0 for any other word.
#[cfg(test)]
pub(crate) fn classes(word: &str) -> u32 {
    classes_in(table(), word)
}

/// The classes of `word`, compared without regard to ASCII case, 0 for any other word;
/// `table` is [`table()`], which a caller that looks up many words fetches once.
#[inline(always)]
pub(crate) fn classes_in(table: &Table, word: &str) -> u32 {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > LONGEST {
        return 0;
    }
    let first = bytes[0].to_ascii_lowercase();
    if !first.is_ascii_lowercase() {
        return 0;
    }
    if table.first_letters[bytes.len()] & (1 << (first - b'a')) == 0 {
        return 0;
    }
    table.words.get_ascii_fold(word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn packed_tables_stay_at_most_half_full() {
        // Lookups probe until they meet the key or a free slot: the tables must keep free
        // slots, and stay sparse enough that most lookups end at the first one. A word list
        // that outgrows them fails here, not as a hang at the first parse.
        let t = table();
        let short = t.packed.short_keys.iter().filter(|&&k| k != 0).count();
        let long = t.packed.long_keys.iter().filter(|&&k| k != (0, 0)).count();
        assert!(short > 0 && short * 2 <= SHORT_SLOTS, "{short} short words");
        assert!(long > 0 && long * 2 <= LONG_SLOTS, "{long} long words");
    }

    /// The tokenizer gives a word joined by a right single quotation mark, or joined and
    /// longer than [`SHORT`] bytes, no classes without looking it up: no listed word may
    /// have such a spelling.
    #[test]
    fn listed_words_are_ascii_and_only_short_ones_have_joiners() {
        for &(_, words) in CLASS_LISTS {
            for w in words {
                assert!(w.is_ascii(), "{w}");
                assert!(
                    w.len() <= SHORT || w.bytes().all(|b| b.is_ascii_alphanumeric()),
                    "{w}"
                );
            }
        }
    }

    #[test]
    fn lookups_ignore_case_and_combine_classes() {
        assert_ne!(classes("The") & DETERMINER, 0);
        assert_ne!(classes("WHO") & CLAUSE_OPENER, 0);
        assert_ne!(classes("later") & TIME, 0);
        assert_ne!(classes("later") & STOP, 0);
        assert_ne!(classes("And") & AND_BUT, 0);
        assert_eq!(classes("or") & AND_BUT, 0);
        assert_eq!(classes("Peskov"), 0);
        assert_eq!(classes("a-very-long-word-indeed"), 0);
        assert_ne!(classes("N'T") & AUX, 0);
        assert_ne!(classes("I") & PRONOUN, 0);
        assert_eq!(classes("Tha"), 0);
    }

    /// The short-word key of `word` as the tokenizer makes it: its bytes packed
    /// little-endian, each `| 0x20`.
    fn key_of(word: &str) -> u64 {
        word.bytes()
            .enumerate()
            .fold(0u64, |k, (i, b)| k | u64::from(b | 0x20) << (8 * i))
    }

    #[test]
    fn short_lookups_agree_with_the_full_table() {
        let t = table();
        for &(_, words) in CLASS_LISTS {
            for w in words.iter().filter(|w| w.len() <= SHORT) {
                for v in [w.to_string(), w.to_uppercase()] {
                    if v.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        assert_eq!(t.short(key_of(&v)), classes(&v), "{v}");
                        assert_ne!(t.short(key_of(&v)), 0, "{v}");
                    }
                }
            }
        }
        // Other words, prefixes and extensions of listed ones among them, have no classes.
        for w in [
            "th", "thee", "Peskov", "x", "saidx", "ta1k", "2", "a1", "aa", "whoo",
        ] {
            assert_eq!(t.short(key_of(w)), 0, "{w}");
            assert_eq!(classes(w), 0, "{w}");
        }
    }

    /// The long-word key of `word` as the tokenizer makes it: its first eight bytes and the
    /// others packed little-endian, each `| 0x20`.
    fn long_key_of(word: &str) -> (u64, u64) {
        let lower: Vec<u8> = word.bytes().map(|b| b | 0x20).collect();
        (packed(&lower, 0), packed(&lower, 8))
    }

    #[test]
    fn long_lookups_agree_with_the_full_table() {
        let t = table();
        let mut found = 0;
        for &(_, words) in CLASS_LISTS {
            for w in words
                .iter()
                .filter(|w| (SHORT + 1..=LONGEST).contains(&w.len()))
            {
                for v in [w.to_string(), w.to_uppercase()] {
                    if v.bytes().all(|b| b.is_ascii_alphanumeric()) {
                        let (first, rest) = long_key_of(&v);
                        assert_eq!(t.long(first, rest), classes(&v), "{v}");
                        assert_ne!(t.long(first, rest), 0, "{v}");
                        found += 1;
                    }
                }
            }
        }
        assert!(found > 20);
        // Other words, prefixes and extensions of listed ones among them, have no classes.
        for w in [
            "yesterda",
            "yesterdays",
            "Wednesdays",
            "including1",
            "abcdefghijklmnop",
            "12345678",
        ] {
            let (first, rest) = long_key_of(w);
            assert_eq!(t.long(first, rest), 0, "{w}");
            assert_eq!(classes(w), 0, "{w}");
        }
    }

    /// A class bit is on exactly the words of its lists: a bit test stands for a test of
    /// membership in the list.
    #[test]
    fn each_class_is_exactly_its_lists() {
        let all: Vec<&str> = CLASS_LISTS
            .iter()
            .flat_map(|&(_, w)| w.iter().copied())
            .collect();
        let mut bits: Vec<u32> = CLASS_LISTS.iter().map(|&(bit, _)| bit).collect();
        bits.dedup();
        for bit in bits {
            for &w in &all {
                let listed = CLASS_LISTS
                    .iter()
                    .any(|&(b, words)| b == bit && words.contains(&w));
                for v in [w.to_owned(), w.to_uppercase()] {
                    assert_eq!(classes(&v) & bit != 0, listed, "{v} {bit:#x}");
                }
            }
        }
        assert_ne!(classes("Seven") & NUMBER_ABOVE_ONE, 0);
        assert_eq!(classes("One") & NUMBER_ABOVE_ONE, 0);
        assert_ne!(classes("One") & NUMBER, 0);
        assert_ne!(classes("friday") & WEEKDAY, 0);
        assert_eq!(classes("today") & WEEKDAY, 0);
        assert_ne!(classes("today") & DAY, 0);
        assert_ne!(classes("E-mail") & MEDIUM, 0);
        assert_eq!(classes("said") & FUNCTION & !PAST & !STOP, 0);
        assert_eq!(classes("tell") & FUNCTION, 0);
        assert_ne!(classes("tell") & HEARER_LEMMA, 0);
        assert_ne!(classes("portray") & PASSIVE_LEMMA, 0);
    }

    #[test]
    fn every_listed_word_is_found_in_any_case() {
        for &(bit, words) in CLASS_LISTS {
            for w in words {
                assert_ne!(classes(w) & bit, 0, "{w}");
                assert_ne!(classes(&w.to_uppercase()) & bit, 0, "{w}");
            }
        }
    }
}
