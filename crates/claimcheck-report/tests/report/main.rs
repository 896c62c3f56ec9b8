//! Integration tests of the report formats: one binary, a module per concern. Every test
//! renders the hand-built run in `fixture`; the external checks (Microsoft's SARIF validator,
//! headless Chromium) fail loudly when their tool is missing: run `.ci/install-test-tools`.

mod fixture;
mod formats;
mod github;
mod gitlab;
mod html;
mod junit;
mod rules;
mod sarif;
mod snapshot;
mod tools;
