package coop.intercoop.hub.payroll.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import coop.intercoop.hub.payroll.entity.ContractType;
import coop.intercoop.hub.payroll.entity.ContractType.Duration;
import coop.intercoop.hub.payroll.entity.ContractType.WorkingTime;
import coop.intercoop.hub.payroll.entity.PayrollRulesFileException;
import coop.intercoop.hub.payroll.entity.Source;

/** The TGSS contract type keys of {@code config/payroll/contract-types.csv}, and the refusals of a malformed row. */
class ContractTypesTest {

    private static final String HEADER = ContractType.HEADER + "\n";

    @TempDir
    Path dir;

    /**
     * The keys the issue names, read from the installed file. The first digit of the key gives duration and working
     * time (Resolución TGSS de 22 de junio de 2001, BOE-A-2001-13506: 1 open-ended full time, 2 open-ended part time, 3
     * fijo-discontinuo, 4 fixed-term full time, 5 fixed-term part time); the rows are marked derived until each is
     * checked against the TGSS's table in force.
     */
    @Test
    void theInstalledTableHasTheKeysOfTheIssueWithTheirDurationAndWorkingTime() {
        Map<String, ContractType> types = new PayrollTables("config/payroll").contractTypes();
        for (String code : new String[] { "100", "200", "300", "401", "402", "410", "420", "421", "441", "501", "502",
                "510", "520", "521", "540", "541" }) {
            ContractType type = Optional.ofNullable(types.get(code))
                    .orElseThrow(() -> new AssertionError("no contract type " + code));
            char first = code.charAt(0);
            assertEquals(first <= '3' ? Duration.OPEN_ENDED : Duration.FIXED_TERM, type.duration(), code);
            assertEquals(first == '1' || first == '4' ? WorkingTime.FULL
                    : first == '3' ? WorkingTime.EITHER : WorkingTime.PART, type.workingTime(), code);
        }
        assertFalse(types.containsKey("999"));
        for (ContractType type : types.values()) {
            assertEquals(Source.Status.DERIVED, type.source().status(), type.code());
            assertTrue(type.source().citation().contains("first digit " + type.code().charAt(0)), type.code());
        }
    }

    private PayrollRulesFileException refused(String text) throws IOException {
        Files.writeString(dir.resolve("contract-types.csv"), text);
        PayrollTables tables = new PayrollTables(dir.toString());
        return assertThrows(PayrollRulesFileException.class, tables::contractTypes);
    }

    @Test
    void aMissingFileHasNoTypes() {
        assertTrue(new PayrollTables(dir.toString()).contractTypes().isEmpty());
    }

    @Test
    void aWrongHeaderIsRefusedNamingTheLine() throws IOException {
        assertEquals("contract-types.csv:2: the header must be " + ContractType.HEADER,
                refused("# a table\ncode;description\n").getMessage());
    }

    @Test
    void eachMalformedRowIsRefusedNamingItsLineAndProblem() throws IOException {
        assertEquals("contract-types.csv:2: needs the fields " + ContractType.HEADER,
                refused(HEADER + "100;Indefinido;open-ended;full;derived\n").getMessage());
        assertEquals("contract-types.csv:2: the code is the TGSS key's three digits, not '10'",
                refused(HEADER + "10;Indefinido;open-ended;full;derived;X\n").getMessage());
        assertEquals("contract-types.csv:2: each contract type has a description",
                refused(HEADER + "100; ;open-ended;full;derived;X\n").getMessage());
        assertEquals("contract-types.csv:2: the duration is open-ended or fixed-term, not 'forever'",
                refused(HEADER + "100;Indefinido;forever;full;derived;X\n").getMessage());
        assertEquals("contract-types.csv:2: the working time is full, part or either, not 'half'",
                refused(HEADER + "100;Indefinido;open-ended;half;derived;X\n").getMessage());
        assertEquals("contract-types.csv:2: the status is verified or derived, not 'checked'",
                refused(HEADER + "100;Indefinido;open-ended;full;checked;X\n").getMessage());
        assertEquals("contract-types.csv:2: each value cites its source",
                refused(HEADER + "100;Indefinido;open-ended;full;verified; \n").getMessage());
        assertEquals("contract-types.csv:3: repeats the contract type 100",
                refused(HEADER + "100;A;open-ended;full;derived;X\n100;B;open-ended;full;derived;X\n").getMessage());
    }
}
