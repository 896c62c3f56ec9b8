//! Geodesic distances on the WGS84 ellipsoid (Karney's algorithm, through geographiclib-rs).

use std::sync::OnceLock;

use geographiclib_rs::{DirectGeodesic, Geodesic, InverseGeodesic};

/// A point as (latitude, longitude) in degrees.
pub type LatLon = (f64, f64);

/// The WGS84 ellipsoid. Building it computes series coefficients, so it is made once.
pub(crate) fn wgs84() -> &'static Geodesic {
    static WGS84: OnceLock<Geodesic> = OnceLock::new();
    WGS84.get_or_init(Geodesic::wgs84)
}

/// The shortest distance along the WGS84 ellipsoid between two points, in metres.
pub fn geodesic_m(a: LatLon, b: LatLon) -> f64 {
    wgs84().inverse(a.0, a.1, b.0, b.1)
}

/// The shortest distance along the WGS84 ellipsoid between two points, in kilometres.
pub fn geodesic_km(a: LatLon, b: LatLon) -> f64 {
    geodesic_m(a, b) / 1000.0
}

/// The point of the geodesic segment `a`-`b` nearest to `p`, and its distance in metres.
///
/// The distance from `p` to a point moving along a short geodesic is unimodal, so a
/// golden-section search over the arc length converges to the nearest point; it stops when the
/// bracket is shorter than a millimetre.
pub(crate) fn nearest_on_segment(p: LatLon, a: LatLon, b: LatLon) -> (LatLon, f64) {
    let g = wgs84();
    let (s12, azi1, _azi2, _a12): (f64, f64, f64, f64) = g.inverse(a.0, a.1, b.0, b.1);
    let at = |s: f64| -> (LatLon, f64) {
        let q: (f64, f64) = g.direct(a.0, a.1, azi1, s);
        (q, geodesic_m(p, q))
    };
    let end_a = (a, geodesic_m(p, a));
    let end_b = (b, geodesic_m(p, b));
    if s12 < 1e-3 {
        return if end_a.1 <= end_b.1 { end_a } else { end_b };
    }
    let ratio = (5f64.sqrt() - 1.0) / 2.0;
    let (mut lo, mut hi) = (0.0, s12);
    let mut x1 = hi - ratio * (hi - lo);
    let mut x2 = lo + ratio * (hi - lo);
    let mut f1 = at(x1);
    let mut f2 = at(x2);
    while hi - lo > 1e-3 {
        if f1.1 <= f2.1 {
            hi = x2;
            x2 = x1;
            f2 = f1;
            x1 = hi - ratio * (hi - lo);
            f1 = at(x1);
        } else {
            lo = x1;
            x1 = x2;
            f1 = f2;
            x2 = lo + ratio * (hi - lo);
            f2 = at(x2);
        }
    }
    // The ends are candidates too: the search only looks inside the segment.
    [f1, f2, end_a, end_b]
        .into_iter()
        .min_by(|x, y| x.1.total_cmp(&y.1))
        .unwrap_or(end_a)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paris_berlin() {
        let km = geodesic_km((48.85341, 2.3488), (52.52437, 13.41053));
        assert!((km - 880.0).abs() < 5.0, "{km}");
    }

    #[test]
    fn nearest_point_inside_the_segment() {
        // A point north of an east-west segment on the equator projects onto it.
        let (q, d) = nearest_on_segment((0.1, 0.5), (0.0, 0.0), (0.0, 1.0));
        assert!((q.1 - 0.5).abs() < 1e-4, "{q:?}");
        assert!((d - geodesic_m((0.1, 0.5), q)).abs() < 1e-6);
        assert!((d - 11_057.0).abs() < 20.0, "{d}");
    }

    #[test]
    fn nearest_point_at_an_end() {
        let (q, _) = nearest_on_segment((0.0, 2.0), (0.0, 0.0), (0.0, 1.0));
        assert!((q.1 - 1.0).abs() < 1e-6, "{q:?}");
    }
}
