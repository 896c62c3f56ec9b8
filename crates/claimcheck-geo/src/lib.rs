//! Geography for claimcheck: a bundled gazetteer and country borders, and geodesic distances.
//!
//! The data lives in `corpora/geo/` (GeoNames places and countries, Natural Earth 1:10m
//! admin-0 boundaries; see its README for provenance and licences) and is compiled into the
//! crate. It is read lazily on first use and searched where it lies, so loading costs little.
//!
//! ```
//! use claimcheck_geo::{Resolved, distance_to_border_km, gazetteer, geodesic_km};
//!
//! let Some(Resolved::Place(vladivostok)) = gazetteer().resolve("Vladivostok", &[]) else {
//!     panic!("Vladivostok is in the gazetteer");
//! };
//! let Some(Resolved::Border(korea)) = gazetteer().resolve("the North Korean border", &[]) else {
//!     panic!("North Korea is a country");
//! };
//! let d = distance_to_border_km(vladivostok.position(), korea.iso2).expect("it has a boundary");
//! assert!(d.km > 100.0 && d.km < 150.0 && !d.inside);
//!
//! let paris = (48.85341, 2.3488);
//! let berlin = (52.52437, 13.41053);
//! assert!((geodesic_km(paris, berlin) - 880.0).abs() < 5.0);
//! ```

mod borders;
mod error;
mod gazetteer;
mod geodesic;
mod normalise;

use std::sync::OnceLock;

pub use borders::{BorderDistance, Borders};
pub use error::GeoError;
pub use gazetteer::{Country, Gazetteer, OWN_NAME_WEIGHT, Place, Resolved};
pub use geodesic::{LatLon, geodesic_km, geodesic_m};
pub use normalise::normalise;

/// The version of the text formats (`#format` header lines) this crate reads.
const TEXT_FORMAT: u32 = 1;

/// The bundled gazetteer, read on first use.
pub fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        Gazetteer::bundled().expect("the bundled gazetteer is generated and checked by the tests")
    })
}

/// The bundled country boundaries, read on first use.
pub fn borders() -> &'static Borders {
    static BORDERS: OnceLock<Borders> = OnceLock::new();
    BORDERS.get_or_init(|| {
        Borders::bundled().expect("the bundled borders are generated and checked by the tests")
    })
}

/// The shortest geodesic distance from `p` (latitude, longitude) to the boundary of the
/// country with ISO alpha-2 code `country_iso2`, or `None` if the data has no boundary for it.
/// Inside the country the distance is 0 and `inside` is set.
pub fn distance_to_border_km(p: LatLon, country_iso2: &str) -> Option<BorderDistance> {
    borders().distance_to_border(p, country_iso2)
}

/// Checks a `#format <name> <version>` header line of a bundled text file.
pub(crate) fn check_header(
    line: Option<&str>,
    file: &'static str,
    expected: &'static str,
) -> Result<(), GeoError> {
    let mut cols = line.unwrap_or("").split('\t');
    let ok = cols.next() == Some("#format")
        && cols.next() == Some(expected)
        && cols.next() == Some(TEXT_FORMAT.to_string().as_str());
    if ok {
        Ok(())
    } else {
        Err(GeoError::Format {
            file,
            expected,
            version: TEXT_FORMAT,
        })
    }
}
