//! Distances to country borders and point-in-country tests on Natural Earth 1:10m.

use claimcheck_geo::{borders, distance_to_border_km, geodesic_km};

const VLADIVOSTOK: (f64, f64) = (43.10562, 131.87353);
const BASEL: (f64, f64) = (47.55839, 7.57327);
const PARIS: (f64, f64) = (48.85341, 2.3488);
const BERLIN: (f64, f64) = (52.52437, 13.41053);

#[test]
fn vladivostok_to_the_north_korean_border() {
    let d = distance_to_border_km(VLADIVOSTOK, "KP").expect("North Korea has a boundary");
    println!(
        "Vladivostok -> North Korea: {:.2} km, nearest point {:.4}, {:.4}",
        d.km, d.nearest.0, d.nearest.1
    );
    assert!(!d.inside);
    assert!((115.0..135.0).contains(&d.km), "{}", d.km);
    // The reported distance is the geodesic to the reported point.
    assert!((geodesic_km(VLADIVOSTOK, d.nearest) - d.km).abs() < 1e-9);
    // The nearest point is on the Tumen, where North Korea meets Russia.
    assert!((42.0..43.0).contains(&d.nearest.0) && (130.0..131.0).contains(&d.nearest.1));
}

#[test]
fn basel_is_a_few_km_from_france() {
    let d = distance_to_border_km(BASEL, "FR").expect("France has a boundary");
    println!("Basel -> France: {:.2} km", d.km);
    assert!(!d.inside);
    assert!(d.km > 0.5 && d.km < 6.0, "{}", d.km);
}

#[test]
fn paris_berlin() {
    let km = geodesic_km(PARIS, BERLIN);
    assert!((km - 880.0).abs() < 5.0, "{km}");
}

#[test]
fn inside_a_country_is_zero() {
    let d = distance_to_border_km(PARIS, "FR").expect("France has a boundary");
    assert!(d.inside);
    assert_eq!(d.km, 0.0);
    assert!(d.boundary_km > 100.0, "{}", d.boundary_km);
}

#[test]
fn point_in_country() {
    let b = borders();
    assert_eq!(b.contains("CH", BASEL), Some(true));
    assert_eq!(b.contains("FR", BASEL), Some(false));
    assert_eq!(b.contains("DE", BERLIN), Some(true));
    assert_eq!(b.contains("RU", VLADIVOSTOK), Some(true));
    assert_eq!(b.country_at(BERLIN), Some("DE"));
    // A point in the Atlantic is in no country.
    assert_eq!(b.country_at((40.0, -40.0)), None);
    assert_eq!(b.contains("ZZ", BERLIN), None);
}

#[test]
fn across_the_antimeridian() {
    // Chukotka straddles 180 degrees. Points on both sides are in Russia, and the meridian is
    // not a border: the nearest boundary is the coast, farther away than the meridian.
    for p in [(67.0, 179.5), (67.0, -179.5)] {
        let d = distance_to_border_km(p, "RU").expect("Russia has a boundary");
        assert!(d.inside, "{p:?}");
        let to_meridian = geodesic_km(p, (67.0, 180.0));
        assert!(d.boundary_km > to_meridian, "{p:?}: {} km", d.boundary_km);
    }
    assert_eq!(borders().country_at((-17.8, 178.0)), Some("FJ"));
}

#[test]
fn shared_border() {
    // Kharkiv lies about 30 km from the Russian border, and that border is the one Russia and
    // Ukraine share; Belgorod, on the Russian side, is about as close to it.
    let b = borders();
    let kharkiv = (49.98081, 36.25272);
    let belgorod = (50.61074, 36.58015);
    let k = b
        .distance_to_shared_border(kharkiv, "RU", "UA")
        .expect("they share a border");
    let g = b
        .distance_to_shared_border(belgorod, "UA", "RU")
        .expect("they share a border");
    println!("Kharkiv {:.1} km, Belgorod {:.1} km", k.km, g.km);
    assert!((20.0..45.0).contains(&k.km), "{}", k.km);
    assert!((20.0..45.0).contains(&g.km), "{}", g.km);
    assert!(k.inside && g.inside);
    // Countries that do not touch share no border.
    assert!(b.distance_to_shared_border(kharkiv, "FR", "UA").is_none());
}
