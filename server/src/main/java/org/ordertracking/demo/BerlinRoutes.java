package org.ordertracking.demo;

import java.util.ArrayList;
import java.util.List;
import org.ordertracking.model.LatLng;

/**
 * Routes through central Berlin along real streets (waypoints at the corners), used by the demo
 * and the provider simulator. Each is a few kilometres: a few minutes of driving.
 */
public final class BerlinRoutes {
  private BerlinRoutes() {}

  public static final LatLng CENTER = new LatLng(52.515, 13.41);

  public static List<CityRoute> all() {
    return List.of(
        route("Kastanienallee to Nikolaiviertel", 3,
            52.5412, 13.4122, 52.5386, 13.4076, 52.5340, 13.4040, 52.5297, 13.4013,
            52.5262, 13.4020, 52.5225, 13.4022, 52.5196, 13.4040, 52.5183, 13.4085,
            52.5168, 13.4078),
        route("Mehringdamm to Maybachufer", 3,
            52.4977, 13.3910, 52.4945, 13.3885, 52.4912, 13.3880, 52.4893, 13.3930,
            52.4888, 13.3960, 52.4891, 13.4076, 52.4875, 13.4170, 52.4868, 13.4245,
            52.4930, 13.4210, 52.4942, 13.4230),
        route("Ostbahnhof to Boxhagener Platz", 3,
            52.5103, 13.4348, 52.5140, 13.4345, 52.5175, 13.4330, 52.5181, 13.4305,
            52.5175, 13.4375, 52.5170, 13.4420, 52.5158, 13.4541, 52.5120, 13.4530,
            52.5110, 13.4580, 52.5105, 13.4595),
        route("Potsdamer Platz to Invalidenstrasse", 2,
            52.5096, 13.3759, 52.5100, 13.3820, 52.5102, 13.3897, 52.5135, 13.3893,
            52.5170, 13.3889, 52.5202, 13.3871, 52.5255, 13.3877, 52.5290, 13.3850,
            52.5310, 13.3845),
        route("Kottbusser Tor to Warschauer Strasse", 2,
            52.4991, 13.4181, 52.4995, 13.4260, 52.4990, 13.4282, 52.5000, 13.4380,
            52.5010, 13.4418, 52.5020, 13.4457, 52.5059, 13.4497, 52.5080, 13.4510),
        route("Alexanderplatz to Kollwitzkiez", 2,
            52.5219, 13.4132, 52.5250, 13.4175, 52.5289, 13.4170, 52.5330, 13.4185,
            52.5380, 13.4210, 52.5392, 13.4255, 52.5370, 13.4240, 52.5360, 13.4185));
  }

  private static CityRoute route(String name, int pickupIndex, double... latLngs) {
    List<LatLng> points = new ArrayList<>();
    for (int i = 0; i < latLngs.length; i += 2) {
      points.add(new LatLng(latLngs[i], latLngs[i + 1]));
    }
    return new CityRoute(name, points, pickupIndex);
  }
}
