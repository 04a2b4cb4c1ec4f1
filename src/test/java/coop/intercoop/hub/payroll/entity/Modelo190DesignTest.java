package coop.intercoop.hub.payroll.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.Test;

import coop.intercoop.hub.payroll.control.PayrollTables;
import coop.intercoop.hub.payroll.entity.Modelo190Design.Field;
import coop.intercoop.hub.payroll.entity.Modelo190Design.Nature;
import coop.intercoop.hub.platform.ConfigCsv;

class Modelo190DesignTest {

    private static final String HEADER = Modelo190Design.HEADER;

    private static Modelo190Design parse(String... rows) {
        List<String> text = new ArrayList<>();
        text.add(HEADER);
        text.addAll(List.of(rows));
        return Modelo190Design
                .parse(ConfigCsv.rows("modelo-190-design.csv", text, HEADER, PayrollRulesFileException::new));
    }

    private static String refusal(String... rows) {
        return assertThrows(PayrollRulesFileException.class, () -> parse(rows)).getMessage();
    }

    @Test
    void theInstalledDesignHasTheFieldsOfTheOfficialTexts() {
        Modelo190Design.Layout design = new PayrollTables("config/payroll").modelo190(2025);
        // Orden EHA/3127/2009 (BOE-A-2009-18567) anexo II, tipo de registro 1
        assertEquals(
                new Field(1, "perceptions-total", 146, 160, Nature.NUMERIC, new Source(
                        "BOE-A-2009-18567 anexo II tipo de registro 1 posiciones 146-160", Source.Status.VERIFIED)),
                design.declarant("perceptions-total"));
        assertEquals(Nature.NIF, design.declarant("declarant-nif").nature());
        assertEquals(176, design.declarant("contact-email").start());
        // tipo de registro 2
        assertEquals(18, design.perceptor("perceptor-nif").start());
        assertEquals(26, design.perceptor("perceptor-nif").end());
        assertEquals(13, design.perceptor("monetary").width());
        assertEquals(256, design.perceptor("incapacity-monetary").start());
        // Orden HFP/1286/2023 (BOE-A-2023-24414) art. 1.doce; Orden HAC/1432/2024 (BOE-A-2024-26484) art. único.cinco;
        // Orden HAC/1431/2025 (BOE-A-2025-25390) art. 2.seis, 2.siete and 2.ocho ("395-500 BLANCOS")
        assertEquals(375, design.perceptor("foral-bizkaia").start());
        assertEquals(388, design.perceptor("startup-shares-excess").start());
        assertEquals("BOE-A-2025-25390 art. 2.seis", design.perceptor("fund-management").source().citation());
        assertEquals(394, design.perceptor("b01-benefits").end());
        assertEquals(394, design.perceptor().values().stream().mapToInt(Field::end).max().orElseThrow());
        // every field of a record in order, none sharing a position
        List<Field> fields = design.perceptor().values().stream().sorted(Comparator.comparingInt(Field::start))
                .toList();
        for (int i = 1; i < fields.size(); i++) {
            assertTrue(fields.get(i - 1).end() < fields.get(i).start(), fields.get(i).name());
        }
        assertTrue(design.perceptor().values().stream().allMatch(f -> f.source().status() == Source.Status.VERIFIED));
    }

    @Test
    void aYearBeforeTheDesignIsInForceHasNone() {
        // the design of the 2024 return left positions 389-394 blank (BOE-A-2024-26484 art. único.seis): not installed
        NoRuleInForceException none = assertThrows(NoRuleInForceException.class,
                () -> new PayrollTables("config/payroll").modelo190(2024));
        assertEquals("modelo 190 record design", none.table());
    }

    @Test
    void malformedRowsAreRefusedNamingTheLine() {
        String ok = "2025-01-01;;2;perceptor-nif;18;26;F;verified;BOE-A-2009-18567 anexo II";
        assertTrue(
                refusal("2025-01-01;;2;perceptor-nif;18;26;F;verified").startsWith("modelo-190-design.csv:2: needs"));
        assertTrue(refusal("2025-01-01;;3;perceptor-nif;18;26;F;verified;x").contains("record is 1"));
        assertTrue(refusal("2025-01-01;;2;Perceptor NIF;18;26;F;verified;x").contains("lower case"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;18;501;F;verified;x").contains("not a field of a record"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;26;18;F;verified;x").contains("not a field of a record"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;a;26;F;verified;x").contains("whole number"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;18;26;X;verified;x").contains("nature is N, A, F or E"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;18;26;F;checked;x").contains("verified or derived"));
        assertTrue(refusal("2025-01-01;;2;perceptor-nif;18;26;F;verified;").contains("cites its source"));
        assertEquals(
                "modelo-190-design.csv:3: the field perceptor-nif of record 2 is already in force on some of"
                        + " these days at modelo-190-design.csv:2",
                refusal(ok, "2025-06-01;;2;perceptor-nif;18;26;F;verified;x"));
        assertTrue(refusal(ok, "2025-01-01;;2;representative-nif;26;35;F;verified;x")
                .contains("share a position with the field perceptor-nif at modelo-190-design.csv:2"));
    }

    @Test
    void fieldsOfDifferentYearsOrRecordsMayShareAPosition() {
        Modelo190Design design = parse("2024-01-01;2024-12-31;2;blanks-test;389;394;A;verified;x",
                "2025-01-01;;2;fund-management;389;389;N;verified;x", "2025-01-01;;1;model;389;389;N;verified;x");
        assertEquals(3, design.rows().size());
    }

    @Test
    void aDesignWithoutAFieldTheGeneratorWritesIsRefused() {
        Modelo190Design design = parse("2025-01-01;;2;perceptor-nif;18;26;F;verified;x");
        assertTrue(assertThrows(PayrollRulesFileException.class, () -> design.forYear(2025)).getMessage()
                .contains("has no field"));
    }
}
