package coop.intercoop.hub.tenders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

/** Which lots a consortium answers, one ESPD response each (the model's rule BR-LOT-10: one lot per response). */
class EspdsTest {

    @Test
    void aBidOnSomeLotsAnswersThoseTheRequestNamesAndAWholeBidAnswersEvery() {
        assertEquals(List.of("2", "3"), Espds.lots(List.of("1", "2", "3"), List.of("3", "2", "9")));
        assertEquals(List.of("1", "2", "3"), Espds.lots(List.of("1", "2", "3"), List.of()));
    }

    @Test
    void aRequestWithOneLotOrNoneIsAnsweredOnce() {
        assertEquals(List.of("LOT-0001"), Espds.lots(List.of("LOT-0001"), List.of("2")));
        assertEquals(List.of("LOT-0000"), Espds.lots(List.of(), List.of("1", "2")));
        assertEquals(List.of("1"), Espds.lots(List.of("1", "2"), List.of("7")), "none of the bid's: the first");
        assertEquals(List.of("LOT-0002"), Espds.lots(List.of("LOT-0001", "LOT-0002", "LOT-0012"), List.of("2")),
                "the platform's lot 2 is LOT-0002, not LOT-0012");
    }

    @Test
    void aResponseOfSeveralNamesItsLotInItsFile() {
        assertEquals("deuc-B12345678.xml", new Espds.Response("B12345678", "1", false, new byte[0]).fileName());
        assertEquals("deuc-B12345678-lote-2.xml", new Espds.Response("B12345678", "2", true, new byte[0]).fileName());
    }
}
