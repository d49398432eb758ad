//! # NewsLens
//!
//! Who said what, when, and about whom: NewsLens reads a news article and finds its **quotes** and their
//! **speakers**, its **dates** resolved to calendar values, and its **named entities** with their aliases.
//! The core is plain Rust with no JavaScript in it; `src/wasm.rs` is the only binding to the browser.
//!
//! ```
//! use newslens::{analyze, Options, Reference};
//!
//! let options = Options { reference: Reference::parse_iso("2017-03-03T13:27"), ..Options::default() };
//! let analysis = analyze("M. Sessions a parlé jeudi.", &options);
//! assert_eq!(analysis.schema, "newslens/1");
//! assert_eq!(analysis.reference.as_deref(), Some("2017-03-03T13:27:00"));
//! ```
//!
//! Offsets in the result are UTF-16 code units (what JavaScript and the DOM count); inside the core they are
//! bytes ([`text::Span`]).

#![warn(missing_docs)]

pub mod analysis;
pub mod dates;
pub mod entities;
pub mod error;
pub mod lang;
pub mod page;
pub mod quotes;
pub mod text;

#[cfg(test)]
mod test_texts;

/// Whether the analysers' shortcuts (filters that spare work where it would find nothing) are off: never but
/// in the tests that check that they change nothing ([`test_texts::differing`]).
#[inline]
pub(crate) fn shortcuts_off() -> bool {
    #[cfg(test)]
    return test_texts::SHORTCUTS_OFF.with(std::cell::Cell::get);
    #[cfg(not(test))]
    false
}

#[cfg(target_arch = "wasm32")]
mod wasm;

pub use analysis::{analyze, Analysis, Options, ReferenceSource, SCHEMA};
pub use dates::Reference;
pub use error::{Error, ErrorKind};
pub use lang::Lang;
