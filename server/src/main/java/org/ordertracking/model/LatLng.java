package org.ordertracking.model;

/** A point without measurements, such as the drop-off address. */
public record LatLng(double lat, double lng) {}
