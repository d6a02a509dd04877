/**
 * The synthetic demo workspace {@code exempelby}: a made-up small town near 58.00 N, 12.30 E with
 * streets, a travel centre, a park, lamps, incidents and unsafe-place reports. Entry class: {@link
 * se.tryggkarta.demo.ExempelbyGenerator}; {@link se.tryggkarta.demo.ExempelbyFiles} writes the same
 * data as the files in {@code geodata/exempelby}; {@link se.tryggkarta.demo.DemoCommitments} and
 * {@link se.tryggkarta.demo.DemoWalk} install its promises and a held walk through the features'
 * services, so no feature imports the demo. Invariants: the output depends only on the fixed seed
 * (byte-identical on every run and machine); every record is labelled {@code synthetic=true};
 * nothing here is real data about real people or places.
 */
package se.tryggkarta.demo;
