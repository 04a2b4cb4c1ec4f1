package coop.intercoop.hub.payroll.control;

import static coop.intercoop.hub.payroll.entity.ReturnsExample.DECLARANT_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.EMPLOYEE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.SPOUSE_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.TEMPORARY_NIF;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.declarant;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.euros;
import static coop.intercoop.hub.payroll.entity.ReturnsExample.year;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.entity.Declarant;
import coop.intercoop.hub.payroll.entity.InvalidReturnException;
import coop.intercoop.hub.payroll.entity.Modelo190Design;
import coop.intercoop.hub.payroll.entity.Perception;
import coop.intercoop.hub.payroll.entity.Perception.Amounts;
import coop.intercoop.hub.payroll.entity.Perception.Situation;
import coop.intercoop.hub.platform.HubException;
import coop.intercoop.hub.platform.HubTexts;

/**
 * The modelo 190 file of a worked example, checked at the positions of the AEAT's record design: Orden EHA/3127/2009
 * (BOE-A-2009-18567) anexo II, records of type 1 and 2, with positions 169 and 322 of Orden HFP/1246/2022
 * (BOE-A-2022-21459), 323-387 of Orden HFP/1286/2023 (BOE-A-2023-24414), 388 of Orden HAC/1432/2024 (BOE-A-2024-26484)
 * and 389-394 and the blanks from 395 of Orden HAC/1431/2025 (BOE-A-2025-25390), which applies first to the return of
 * 2025. The positions are written here as the BOE texts give them, independently of the design table the generator
 * reads, so that the test checks the table too.
 */
class Modelo190FileTest {

    static Modelo190Design.Layout design2025() {
        return new PayrollTables("config/payroll").modelo190(2025);
    }

    /** The positions {@code from} to {@code to} of a record, counted from 1 and both included, as the design counts. */
    static String at(String record, int from, int to) {
        return record.substring(from - 1, to);
    }

    static String blanks(int n) {
        return " ".repeat(n);
    }

    static String padded(String text, int width) {
        return text + blanks(width - text.length());
    }

    @Test
    void everyRecordHasFiveHundredCharactersDeclarantFirst() {
        Modelo190File file = Modelo190File.write(design2025(), declarant(), year());
        assertEquals(4, file.records().size());
        for (String record : file.records()) {
            assertEquals(500, record.length());
        }
        assertEquals("1", at(file.records().get(0), 1, 1));
        for (String record : file.records().subList(1, 4)) {
            assertEquals("2", at(record, 1, 1));
        }
        // each record followed by CR LF
        assertEquals(4 * 502, file.bytes().length);
        assertEquals('\r', file.bytes()[500]);
        assertEquals('\n', file.bytes()[501]);
    }

    @Test
    void theDeclarantRecordHoldsEachFieldAtItsPositions() {
        String record = Modelo190File.write(design2025(), declarant(), year()).records().get(0);
        assertEquals("190", at(record, 2, 4));
        assertEquals("2025", at(record, 5, 8));
        assertEquals(DECLARANT_NIF, at(record, 9, 17));
        assertEquals(padded("ASOCIACION ÑANDU DE ACCION SOCIAL", 40), at(record, 18, 57));
        assertEquals("T", at(record, 58, 58)); // transmisión telemática
        assertEquals("912345678", at(record, 59, 67));
        assertEquals(padded("GARCIA LOPEZ ANA", 40), at(record, 68, 107));
        assertEquals("1900000000001", at(record, 108, 120));
        assertEquals("  ", at(record, 121, 122)); // neither complementary nor substitutive
        assertEquals("0".repeat(13), at(record, 123, 135));
        assertEquals("000000003", at(record, 136, 144)); // the number of type 2 records
        assertEquals(" ", at(record, 145, 145));
        // 25.000 + 1.200 + 800 + 9.000 + 350 = 36.350,00 in cents; 3.522,50 + 180 + 112 + 180 = 3.994,50
        assertEquals("000000003635000", at(record, 146, 160));
        assertEquals("000000000399450", at(record, 161, 175));
        assertEquals(padded("nominas@nandu.example", 50), at(record, 176, 225));
        assertEquals(blanks(275), at(record, 226, 500)); // blanks and the stamp the AEAT's programs fill
    }

    @Test
    void thePerceptorRecordHoldsEachFieldAtItsPositions() {
        String record = Modelo190File.write(design2025(), declarant(), year()).records().get(1);
        assertEquals("190", at(record, 2, 4));
        assertEquals("2025", at(record, 5, 8));
        assertEquals(DECLARANT_NIF, at(record, 9, 17));
        assertEquals(EMPLOYEE_NIF, at(record, 18, 26));
        assertEquals(blanks(9), at(record, 27, 35));
        assertEquals(padded("MUÑOZ PEÑA JOSE ANGEL", 40), at(record, 36, 75));
        assertEquals("28", at(record, 76, 77));
        assertEquals("A", at(record, 78, 78));
        assertEquals("00", at(record, 79, 80)); // key A has no subkey: an empty numeric field is zeros
        assertEquals(" ", at(record, 81, 81));
        assertEquals("0000002500000", at(record, 82, 94));
        assertEquals("0000000352250", at(record, 95, 107));
        assertEquals(" ", at(record, 108, 108));
        assertEquals("0000000120000", at(record, 109, 121));
        assertEquals("0000000018000", at(record, 122, 134));
        assertEquals("0000000000000", at(record, 135, 147));
        assertEquals("0000", at(record, 148, 151));
        assertEquals("0", at(record, 152, 152));
        assertEquals("1985", at(record, 153, 156));
        assertEquals("2", at(record, 157, 157));
        assertEquals(SPOUSE_NIF, at(record, 158, 166));
        assertEquals("0", at(record, 167, 167));
        assertEquals("1", at(record, 168, 168));
        assertEquals("0", at(record, 169, 169));
        assertEquals("0", at(record, 170, 170));
        assertEquals("0000000000000", at(record, 171, 183));
        assertEquals("0000000162500", at(record, 184, 196));
        assertEquals("11", at(record, 223, 224)); // one under 3, counted whole
        assertEquals("0100", at(record, 225, 228)); // one other, by half
        assertEquals("0".repeat(22), at(record, 229, 250));
        assertEquals("120", at(record, 251, 253)); // first child whole, second by half, no third
        assertEquals("0", at(record, 254, 254));
        assertEquals(" ", at(record, 255, 255));
        assertEquals("0000000080000", at(record, 256, 268));
        assertEquals("0000000011200", at(record, 269, 281));
        assertEquals(" " + "0".repeat(39), at(record, 282, 321));
        assertEquals("0".repeat(73), at(record, 322, 394));
        assertEquals(blanks(106), at(record, 395, 500));
    }

    @Test
    void anExemptPerceptionHasItsSubkeyAndNoEmployeeData() {
        String record = Modelo190File.write(design2025(), declarant(), year()).records().get(3);
        assertEquals("L01", at(record, 78, 80));
        assertEquals("0000000035000", at(record, 82, 94));
        assertEquals("0000", at(record, 153, 156));
        assertEquals(blanks(9), at(record, 158, 166));
        assertEquals("0000000000000", at(record, 184, 196));
    }

    @Test
    void theDeclarantTotalsAreTheSumsOfThePerceptorRecords() {
        Modelo190File file = Modelo190File.write(design2025(), declarant(), year());
        long pay = 0;
        long withheld = 0;
        for (String record : file.records().subList(1, file.records().size())) {
            for (int[] field : new int[][] { { 81, 82, 94 }, { 108, 109, 121 }, { 255, 256, 268 },
                    { 282, 283, 295 } }) {
                long cents = Long.parseLong(at(record, field[1], field[2]));
                pay += "N".equals(at(record, field[0], field[0])) ? -cents : cents;
            }
            for (int[] field : new int[][] { { 95, 107 }, { 122, 134 }, { 269, 281 }, { 296, 308 } }) {
                withheld += Long.parseLong(at(record, field[0], field[1]));
            }
        }
        String declarant = file.records().get(0);
        assertEquals(file.records().size() - 1, Integer.parseInt(at(declarant, 136, 144)));
        assertEquals(pay, Long.parseLong(at(declarant, 146, 160)));
        assertEquals(withheld, Long.parseLong(at(declarant, 161, 175)));
        assertEquals(euros("36350.00"), file.totalPay());
        assertEquals(euros("3994.50"), file.totalWithheld());
    }

    @Test
    void aRefundIsWrittenWithSignNAndCountedNegativeInTheTotal() {
        // anexo II, position 81: "cantidades reintegradas por el perceptor ... se consignará una «N»", with the
        // accrual year of the refunded pay (148-151)
        Perception refund = Perception.employee(TEMPORARY_NIF, "Smith John", "08",
                Amounts.monetary(euros("-100.00"), BigDecimal.ZERO), Situation.alone(1999, 2), BigDecimal.ZERO)
                .accruedIn(2024);
        Modelo190File file = Modelo190File.write(design2025(), declarant(), List.of(refund));
        String record = file.records().get(1);
        assertEquals("N0000000010000", at(record, 81, 94));
        assertEquals("2024", at(record, 148, 151));
        assertEquals("N000000000010000", at(file.records().get(0), 145, 160));
    }

    @Test
    void accentsAreDroppedAndEnyeIsWrittenAsISO88591() {
        byte[] bytes = Modelo190File.write(design2025(), declarant(), year()).bytes();
        // "Para los caracteres específicos del idioma se utilizará la codificación ISO-8859-1. De esta forma la letra
        // «Ñ» tendrá el valor ASCII 209 (Hex. D1)": the second record starts at byte 502, its name at position 36
        int name = 502 + 35;
        assertEquals((byte) 'M', bytes[name]);
        assertEquals((byte) 0xD1, bytes[name + 2]);
        assertEquals("MUÑOZ PEÑA JOSE ANGEL", new String(bytes, name, 21, Modelo190File.ENCODING));
        assertEquals("CONCEPCION O BRIEN GOMEZ", FixedRecord.plain("Concepción O'Brien  Gómez"));
        assertEquals("ÇAGLA MULLER", FixedRecord.plain("çağla Müller"));
    }

    @Test
    void aPerceptorWithoutNifIsRefusedInBothLanguages() {
        List<Perception> perceptions = new ArrayList<>(year());
        perceptions.set(1, Perception.employee(" ", "Smith John", "08",
                Amounts.monetary(euros("9000.00"), euros("180.00")), Situation.alone(1999, 2), euros("585.00")));
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo190File.write(design2025(), declarant(), perceptions));
        assertEquals("return.perceptor.nif.missing", refused.key());
        assertEquals("nif", refused.field());
        assertEquals("Perception 2 (Smith John) has no NIF; the return identifies every perceptor by NIF.",
                refused.message(Locale.ENGLISH));
        assertEquals(
                "La percepción 2 (Smith John) no tiene NIF; la declaración identifica a cada perceptor por su NIF.",
                refused.message(HubTexts.SPANISH));
    }

    @Test
    void anAmountTooLargeForItsFieldIsRefusedNamingTheField() {
        // 13 positions, "sin signo y sin coma decimal": at most 99.999.999.999,99 euros
        Perception huge = Perception.employee(EMPLOYEE_NIF, "Muñoz Peña José Ángel", "28",
                Amounts.monetary(euros("100000000000.00"), euros("0.00")), Situation.alone(1985, 1), BigDecimal.ZERO);
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo190File.write(design2025(), declarant(), List.of(huge)));
        assertEquals("return.perceptor.amount.large", refused.key());
        assertEquals("Perception 1 (12345678Z): 100,000,000,000.00 euros of monetary pay do not fit the 13 digits of"
                + " its field.", refused.message(Locale.ENGLISH));
        assertEquals("Percepción 1 (12345678Z): 100.000.000.000,00 euros de percepciones dinerarias no caben en las 13"
                + " cifras de su campo.", refused.message(HubTexts.SPANISH));
        Perception fits = Perception.employee(EMPLOYEE_NIF, "Muñoz Peña José Ángel", "28",
                Amounts.monetary(euros("99999999999.99"), euros("0.00")), Situation.alone(1985, 1), BigDecimal.ZERO);
        assertEquals("9999999999999",
                at(Modelo190File.write(design2025(), declarant(), List.of(fits)).records().get(1), 82, 94));
    }

    @Test
    void everyProblemOfTheInputIsRefusedAtOnceAndNothingIsWritten() {
        Perception wrong = new Perception("12345678A", null, "", "99", Perception.Key.A, 1,
                Amounts.monetary(euros("10.00"), euros("-1.00")), null, null, null,
                new Situation(1985, 4, null, 120, false, 5, false, null, null, false), null, false, false);
        Declarant noNif = Declarant.first("", "Asociación", "12", null, null, "19000000000011");
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo190File.write(design2025(), noNif, List.of(wrong)));
        List<String> keys = refused.all().stream().map(HubException::key).toList();
        assertEquals(List.of("return.declarant.nif.missing", "return.declarant.phone.invalid",
                "return.declarant.id.invalid", "return.perceptor.nif.invalid", "return.perceptor.name.missing",
                "return.perceptor.province.invalid", "return.perceptor.subkey.invalid",
                "return.perceptor.amount.negative", "return.perceptor.family.invalid",
                "return.perceptor.disability.invalid", "return.perceptor.contract.invalid"), keys);
        for (HubException each : refused.all()) {
            assertTrue(!each.message(HubTexts.SPANISH).isBlank() && !each.message(Locale.ENGLISH).isBlank());
        }
    }

    @Test
    void aContactEmailLongerThanItsFieldIsRefusedRatherThanCut() {
        Declarant longEmail = Declarant.first(DECLARANT_NIF, "Asociación", "912345678", "García López Ana",
                "departamento.de.nominas.y.seguridad.social@nandu.example", "1900000000001");
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo190File.write(design2025(), longEmail, year()));
        assertEquals("return.declarant.email.long", refused.key());
        assertEquals("The contact e-mail departamento.de.nominas.y.seguridad.social@nandu.example is longer than the 50"
                + " characters of its field.", refused.message(Locale.ENGLISH));
    }

    @Test
    void aReturnWithoutPerceptionsIsRefused() {
        InvalidReturnException refused = assertThrows(InvalidReturnException.class,
                () -> Modelo190File.write(design2025(), declarant(), List.of()));
        assertEquals("return.perceptions.none", refused.key());
    }

    @Test
    void aSubstitutiveReturnNamesTheReturnItReplaces() {
        Declarant substitutive = declarant().replacing(Declarant.Filing.SUBSTITUTIVE, "1900000000001");
        String record = Modelo190File.write(design2025(), substitutive, year()).records().get(0);
        assertEquals(" S", at(record, 121, 122));
        assertEquals("1900000000001", at(record, 123, 135));
        assertEquals("return.declarant.previous.missing", assertThrows(InvalidReturnException.class, () -> Modelo190File
                .write(design2025(), declarant().replacing(Declarant.Filing.COMPLEMENTARY, null), year())).key());
    }
}
