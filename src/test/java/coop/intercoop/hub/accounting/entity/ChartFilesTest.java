package coop.intercoop.hub.accounting.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Checks the chart-of-accounts templates in {@code config/charts/} (read relative to the working directory, the project
 * root under Maven): shape of every line, code hierarchy, allowed natures and kinds, and the accounts the non-profit
 * plan must have.
 */
class ChartFilesTest {

    private static final Path CHARTS = Path.of("config", "charts");
    private static final String HEADER = "code;name;group;nature;kind";
    private static final Set<String> NATURES = Set.of("ASSET", "LIABILITY", "EQUITY", "INCOME", "EXPENSE");
    private static final Set<String> KINDS = Set.of("HEADING", "POSTING");

    private record Account(String code, String name, String group, String nature, String kind, int line) {
    }

    /** Reads a chart: skips '#' comment lines, checks the header and that every line has five fields. */
    private static Map<String, Account> read(String file) throws IOException {
        Path path = CHARTS.resolve(file);
        assertTrue(Files.isRegularFile(path), () -> "missing " + path.toAbsolutePath());
        List<String> lines = Files.readAllLines(path, StandardCharsets.UTF_8);
        Map<String, Account> accounts = new LinkedHashMap<>();
        boolean header = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            int number = i + 1;
            if (line.startsWith("#")) {
                continue;
            }
            if (!header) {
                assertEquals(HEADER, line, file + ":" + number + " header");
                header = true;
                continue;
            }
            String[] fields = line.split(";", -1);
            assertEquals(5, fields.length, () -> file + ":" + number + " needs 5 fields: " + line);
            Account account = new Account(fields[0], fields[1], fields[2], fields[3], fields[4], number);
            if (accounts.put(account.code(), account) != null) {
                fail(file + ":" + number + " duplicate code " + account.code());
            }
        }
        assertTrue(header, file + " has no header line");
        return accounts;
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyLineIsWellFormed(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        assertFalse(accounts.isEmpty(), file + " is empty");
        for (Account a : accounts.values()) {
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            assertTrue(a.code().matches("[0-9]+"), where + " code must be digits");
            assertFalse(a.name().isBlank(), where + " name is blank");
            assertEquals(a.name().strip(), a.name(), where + " name has surrounding spaces");
            assertEquals(a.code().substring(0, 1), a.group(), where + " group must be the first digit");
            assertTrue(a.group().matches("[1-9]"), where + " group must be 1-9");
            assertTrue(NATURES.contains(a.nature()), where + " unknown nature " + a.nature());
            assertTrue(KINDS.contains(a.kind()), where + " unknown kind " + a.kind());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyAccountHangsFromAHeading(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (Account a : accounts.values()) {
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            if (a.code().length() <= 2) {
                assertEquals("HEADING", a.kind(), where + " groups and subgroups are headings");
            }
            if (a.code().length() == 1) {
                continue;
            }
            Account parent = null;
            for (int end = a.code().length() - 1; end >= 1 && parent == null; end--) {
                parent = accounts.get(a.code().substring(0, end));
            }
            assertTrue(parent != null, where + " has no parent in the file");
            assertEquals("HEADING", parent.kind(), where + " parent " + parent.code() + " must be a heading");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void headingsHaveChildrenAndPostingsHaveNone(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (Account a : accounts.values()) {
            boolean hasChild = accounts.keySet().stream()
                    .anyMatch(c -> c.length() > a.code().length() && c.startsWith(a.code()));
            String where = file + ":" + a.line() + " (" + a.code() + ")";
            if ("POSTING".equals(a.kind())) {
                assertFalse(hasChild, where + " is a posting account but has sub-accounts");
            } else if (a.code().length() > 2) {
                assertTrue(hasChild, where + " is a heading without sub-accounts");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void groupsOneToSevenArePresentAndEightAndNineWhereThePlanHasThem(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (int g = 1; g <= 7; g++) {
            assertTrue(accounts.containsKey(String.valueOf(g)), file + " lacks group " + g);
        }
        // The PGC PYMES (RD 1515/2007, cuarta parte) has no groups 8 and 9, nor the cooperatives' chart built on it.
        boolean planHasGroupsEightAndNine = !file.equals("pgc-pymes-2007.csv") && !file.equals("pgc-cooperativas.csv");
        assertEquals(planHasGroupsEightAndNine, accounts.containsKey("8"), file + " group 8");
        assertEquals(planHasGroupsEightAndNine, accounts.containsKey("9"), file + " group 9");
    }

    /** The non-profit accounts the accounting issue names, with their plan name and nature. */
    private static final Map<String, String[]> NON_PROFIT_ACCOUNTS = nonProfitAccounts();

    private static Map<String, String[]> nonProfitAccounts() {
        Map<String, String[]> m = new LinkedHashMap<>();
        m.put("100", new String[] { "Dotación fundacional", "EQUITY" });
        m.put("101", new String[] { "Fondo social", "EQUITY" });
        m.put("12", new String[] { "Excedentes pendientes de aplicación", "EQUITY" });
        m.put("120", new String[] { "Remanente", "EQUITY" });
        m.put("121", new String[] { "Excedentes negativos de ejercicios anteriores", "EQUITY" });
        m.put("129", new String[] { "Excedente del ejercicio", "EQUITY" });
        m.put("130", new String[] { "Subvenciones oficiales de capital", "EQUITY" });
        m.put("131", new String[] { "Donaciones y legados de capital", "EQUITY" });
        m.put("132", new String[] { "Otras subvenciones, donaciones y legados", "EQUITY" });
        m.put("24", new String[] { "Bienes del Patrimonio Histórico", "ASSET" });
        m.put("240", new String[] { "Bienes inmuebles", "ASSET" });
        m.put("2400", new String[] { "Monumentos", "ASSET" });
        m.put("2401", new String[] { "Jardines históricos", "ASSET" });
        m.put("2402", new String[] { "Conjuntos históricos", "ASSET" });
        m.put("2403", new String[] { "Sitios históricos", "ASSET" });
        m.put("2404", new String[] { "Zonas arqueológicas", "ASSET" });
        m.put("241", new String[] { "Archivos", "ASSET" });
        m.put("242", new String[] { "Bibliotecas", "ASSET" });
        m.put("243", new String[] { "Museos", "ASSET" });
        m.put("244", new String[] { "Bienes muebles", "ASSET" });
        m.put("249", new String[] { "Anticipos sobre bienes del Patrimonio Histórico", "ASSET" });
        m.put("2490", new String[] { "Anticipos sobre bienes inmuebles del Patrimonio Histórico", "ASSET" });
        m.put("2491", new String[] { "Anticipos sobre archivos del Patrimonio Histórico", "ASSET" });
        m.put("2492", new String[] { "Anticipos sobre bibliotecas del Patrimonio Histórico", "ASSET" });
        m.put("2493", new String[] { "Anticipos sobre museos del Patrimonio Histórico", "ASSET" });
        m.put("2494", new String[] { "Anticipos sobre bienes muebles del Patrimonio Histórico", "ASSET" });
        m.put("412", new String[] { "Beneficiarios, acreedores", "LIABILITY" });
        m.put("447", new String[] { "Usuarios, deudores", "ASSET" });
        m.put("448", new String[] { "Patrocinadores, afiliados y otros deudores", "ASSET" });
        m.put("4480", new String[] { "Patrocinadores", "ASSET" });
        m.put("4482", new String[] { "Afiliados", "ASSET" });
        m.put("4489", new String[] { "Otros deudores", "ASSET" });
        m.put("464", new String[] { "Entregas para gastos a justificar", "ASSET" });
        m.put("65", new String[] { "Ayudas monetarias de la entidad y otros gastos de gestión", "EXPENSE" });
        m.put("650", new String[] { "Ayudas monetarias", "EXPENSE" });
        m.put("651", new String[] { "Ayudas no monetarias", "EXPENSE" });
        m.put("653", new String[] { "Compensación de gastos por prestaciones de colaboración", "EXPENSE" });
        m.put("654", new String[] { "Reembolsos de gastos al órgano de gobierno", "EXPENSE" });
        m.put("656", new String[] { "Resultados de operaciones en común", "EXPENSE" });
        m.put("6560", new String[] { "Beneficio transferido (gestor)", "EXPENSE" });
        m.put("6561", new String[] { "Pérdida soportada (partícipe o asociado no gestor)", "EXPENSE" });
        m.put("658", new String[] {
                "Reintegro de subvenciones, donaciones y legados recibidos, afectos a la actividad propia de la entidad",
                "EXPENSE" });
        m.put("72", new String[] { "Ingresos propios de la entidad", "INCOME" });
        m.put("720", new String[] { "Cuotas de asociados y afiliados", "INCOME" });
        m.put("721", new String[] { "Cuotas de usuarios", "INCOME" });
        m.put("722", new String[] { "Promociones para captación de recursos", "INCOME" });
        m.put("723", new String[] { "Ingresos de patrocinadores y colaboraciones", "INCOME" });
        m.put("728", new String[] { "Ingresos por reintegro de ayudas y asignaciones", "INCOME" });
        return m;
    }

    /**
     * Accounts per group 1 to 9 as established for each chart (see each file's header for the sources); a line dropped
     * or added by mistake changes a count.
     */
    private static final Map<String, List<Integer>> COUNTS_PER_GROUP = Map.of( //
            "pgc-esfl.csv", List.of(79, 147, 41, 106, 157, 181, 152, 39, 31), //
            "pgc-pymesfl.csv", List.of(67, 145, 41, 105, 135, 173, 146, 19, 9), //
            "pgc-pymes-2007.csv", List.of(90, 115, 39, 95, 142, 163, 135, 0, 0), //
            "pgc-cooperativas.csv", List.of(115, 116, 41, 97, 151, 171, 142, 0, 0));

    /**
     * Groups 8 and 9 of the PGC normal, as the ESFL normal plan carries them (RD 1514/2007, cuarta parte), with 840 and
     * 940 divided as the cuadro divides 130 (8400/8401, 9400/9401), so that closing takes each to 1300 or 1301.
     */
    private static final List<String> NORMAL_GROUPS_8_AND_9 = List.of("8", "80", "800", "802", "81", "810", "811",
            "812", "813", "82", "820", "821", "83", "830", "8300", "8301", "833", "834", "835", "836", "837", "838",
            "84", "840", "8400", "8401", "841", "842", "8420", "8421", "85", "850", "851", "86", "860", "862", "89",
            "891", "892", "9", "90", "900", "902", "91", "910", "911", "912", "913", "92", "920", "921", "94", "940",
            "9400", "9401", "941", "942", "9420", "9421", "95", "950", "951", "96", "960", "962", "99", "991", "992",
            "993", "994");

    /**
     * Subgroups 83, 84 and 94 of the normal plan, the only ones the PYMESFL chart carries (with 8420/8421 and
     * 9420/9421): tax effect and grants.
     */
    private static final List<String> SUBGROUPS_83_84_AND_94 = List.of("8", "83", "830", "8300", "8301", "833", "834",
            "835", "836", "837", "838", "84", "840", "841", "842", "9", "94", "940", "941", "942");

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv" })
    void nonProfitPlansHaveTheAccountsTheIssueNamesWithTheirNamesAndNatures(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        NON_PROFIT_ACCOUNTS.forEach((code, expected) -> {
            Account a = accounts.get(code);
            assertTrue(a != null, file + " lacks " + code + " " + expected[0]);
            assertEquals(expected[0], a.name(), file + " name of " + code);
            assertEquals(expected[1], a.nature(), file + " nature of " + code);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv" })
    void nonProfitAccountsThatTakeEntriesArePostingAccounts(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (String code : List.of("100", "101", "120", "121", "129", "131", "1300", "1301", "1320", "1321", "2400",
                "241", "244", "2494", "412", "447", "4480", "464", "6501", "6511", "653", "654", "658", "720", "721",
                "722", "7230", "728")) {
            assertEquals("POSTING", accounts.get(code).kind(), file + " " + code);
        }
        for (String code : List.of("24", "240", "249", "448", "650", "651", "656", "72", "723")) {
            assertEquals("HEADING", accounts.get(code).kind(), file + " " + code);
        }
    }

    @Test
    void theNonProfitPlansDoNotCarryTheCompanyCapitalAccounts() throws IOException {
        for (String file : List.of("pgc-esfl.csv", "pgc-pymesfl.csv")) {
            Map<String, Account> accounts = read(file);
            for (String code : List.of("102", "108", "109", "110", "112", "118", "557", "526")) {
                assertFalse(accounts.containsKey(code), file + " should not have the company account " + code);
            }
        }
    }

    /**
     * Accounts of subgroups 64, 65, 72 and 74 as the cuadro de cuentas of both non-profit plans numbers and names them
     * (Resolución de 26 de marzo de 2013 del ICAC, BOE-A-2013-3781 and BOE-A-2013-3736, cuarta parte): code, name,
     * nature, kind.
     */
    private static final List<String[]> CUADRO_2013_ACCOUNTS = List.of( //
            new String[] { "642", "Seguridad Social a cargo de la entidad", "EXPENSE", "POSTING" },
            new String[] { "650", "Ayudas monetarias", "EXPENSE", "HEADING" },
            new String[] { "6501", "Ayudas monetarias individuales", "EXPENSE", "POSTING" },
            new String[] { "6502", "Ayudas monetarias a entidades", "EXPENSE", "POSTING" },
            new String[] { "6503", "Ayudas monetarias realizadas a través de otras entidades o centros", "EXPENSE",
                    "POSTING" },
            new String[] { "6504", "Ayudas monetarias de cooperación internacional", "EXPENSE", "POSTING" },
            new String[] { "651", "Ayudas no monetarias", "EXPENSE", "HEADING" },
            new String[] { "6511", "Ayudas no monetarias individuales", "EXPENSE", "POSTING" },
            new String[] { "6512", "Ayudas no monetarias a entidades", "EXPENSE", "POSTING" },
            new String[] { "6513", "Ayudas no monetarias realizadas a través de otras entidades o centros", "EXPENSE",
                    "POSTING" },
            new String[] { "6514", "Ayudas no monetarias de cooperación internacional", "EXPENSE", "POSTING" },
            new String[] { "655", "Pérdidas de créditos incobrables derivados de la actividad", "EXPENSE", "POSTING" },
            new String[] { "723", "Ingresos de patrocinadores y colaboraciones", "INCOME", "HEADING" },
            new String[] { "7230", "Patrocinio", "INCOME", "POSTING" },
            new String[] { "7231", "Patrocinio publicitario", "INCOME", "POSTING" },
            new String[] { "7233", "Colaboraciones empresariales", "INCOME", "POSTING" },
            new String[] { "73", "Trabajos realizados para la entidad", "INCOME", "HEADING" },
            new String[] { "740", "Subvenciones, donaciones y legados a la actividad", "INCOME", "POSTING" },
            new String[] { "745", "Subvenciones de capital transferidas al excedente del ejercicio", "INCOME",
                    "POSTING" },
            new String[] { "746", "Donaciones y legados de capital transferidos al excedente del ejercicio", "INCOME",
                    "POSTING" },
            new String[] { "747", "Otras donaciones y legados transferidos al excedente del ejercicio", "INCOME",
                    "POSTING" },
            new String[] { "748", "Otras subvenciones transferidas al excedente del ejercicio", "INCOME", "POSTING" });

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv" })
    void nonProfitPlansFollowTheCuadroDeCuentasOf2013(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (String[] expected : CUADRO_2013_ACCOUNTS) {
            Account a = accounts.get(expected[0]);
            assertTrue(a != null, file + " lacks " + expected[0] + " " + expected[1]);
            assertEquals(expected[1], a.name(), file + " name of " + expected[0]);
            assertEquals(expected[2], a.nature(), file + " nature of " + expected[0]);
            assertEquals(expected[3], a.kind(), file + " kind of " + expected[0]);
        }
        // 6500 and 6510 are not in the plan (its sub-accounts start at 6501 and 6511), nor are 725 and 726 (accounts
        // of the 1998 adaptation whose content the 2013 plans take to subgroup 74).
        for (String code : List.of("6500", "6510", "725", "726", "7232")) {
            assertFalse(accounts.containsKey(code), file + " should not have " + code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyPostingAccountHangsFromItsOwnHeadingChain(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        for (Account a : accounts.values()) {
            if (!"POSTING".equals(a.kind())) {
                continue;
            }
            String where = file + " " + a.code();
            assertTrue(accounts.containsKey(a.code().substring(0, 1)), where + " has no group heading");
            assertTrue(accounts.containsKey(a.code().substring(0, 2)), where + " has no subgroup heading");
            if (a.code().length() == 4) {
                assertTrue(accounts.containsKey(a.code().substring(0, 3)), where + " has no three-digit heading");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void noCodeIsRepeatedAndTheCodesAreInPlanOrder(String file) throws IOException {
        List<String> codes = List.copyOf(read(file).keySet());
        assertEquals(codes.stream().distinct().sorted().toList(), codes, file + " codes out of order or repeated");
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void theNumberOfAccountsPerGroupIsTheEstablishedOne(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        List<Integer> counts = new ArrayList<>();
        for (int g = 1; g <= 9; g++) {
            String group = String.valueOf(g);
            counts.add((int) accounts.values().stream().filter(a -> a.group().equals(group)).count());
        }
        assertEquals(COUNTS_PER_GROUP.get(file), counts, file + " accounts per group 1..9");
    }

    @Test
    void theNonProfitNormalPlanHasGroupsEightAndNineComplete() throws IOException {
        assertEquals(NORMAL_GROUPS_8_AND_9, codesOfGroupsEightAndNine(read("pgc-esfl.csv")));
    }

    /** The Orden for cooperatives creates no account of groups 8 and 9, and the PGC PYMES it builds on has none. */
    @Test
    void theCooperativesChartHasNoGroupsEightAndNine() throws IOException {
        assertEquals(List.of(), codesOfGroupsEightAndNine(read("pgc-cooperativas.csv")));
    }

    @Test
    void thePymesChartHasNoGroupsEightAndNine() throws IOException {
        assertEquals(List.of(), codesOfGroupsEightAndNine(read("pgc-pymes-2007.csv")));
    }

    /**
     * The small and medium non-profit plan's cuadro has no groups 8 and 9; the chart keeps subgroups 83, 84 and 94 as
     * the normal plan numbers them, with the sub-accounts 8420/8421 and 9420/9421 that the abbreviated results model
     * names, and 840 and 940 divided as 130 is (8400/8401, 9400/9401).
     */
    @Test
    void theSmallNonProfitPlanHasSubgroups83_84And94OfTheNormalPlan() throws IOException {
        List<String> expected = new ArrayList<>(SUBGROUPS_83_84_AND_94);
        expected.addAll(expected.indexOf("842") + 1, List.of("8420", "8421"));
        expected.addAll(expected.indexOf("942") + 1, List.of("9420", "9421"));
        expected.addAll(expected.indexOf("840") + 1, List.of("8400", "8401"));
        expected.addAll(expected.indexOf("940") + 1, List.of("9400", "9401"));
        assertEquals(expected, codesOfGroupsEightAndNine(read("pgc-pymesfl.csv")));
    }

    /**
     * A sample of the accounts added or renamed when every line of both cuadros de cuentas was reconciled with the BOE
     * text (BOE-A-2013-3781 and BOE-A-2013-3736, cuarta parte): code, name, nature, kind, in both charts.
     */
    private static final List<String[]> RECONCILED_IN_BOTH = List.of( //
            new String[] { "103", "Fundadores/asociados por desembolsos no exigidos", "EQUITY", "HEADING" },
            new String[] { "1720", "Deudas a largo plazo transformables en subvenciones", "LIABILITY", "POSTING" },
            new String[] { "177", "Obligaciones y bonos", "LIABILITY", "POSTING" },
            new String[] { "28", "Amortización acumulada del inmovilizado y otras cuentas correctoras", "ASSET",
                    "HEADING" },
            new String[] { "2830", "Cesiones de uso del inmovilizado intangible", "ASSET", "POSTING" },
            new String[] { "2907", "Deterioro de valor de derechos sobre activos cedidos en uso", "ASSET", "POSTING" },
            new String[] { "30", "Bienes destinados a la actividad", "ASSET", "HEADING" },
            new String[] { "302", "Artículos A", "ASSET", "POSTING" },
            new String[] { "4", "Acreedores y deudores por operaciones de la actividad", "LIABILITY", "HEADING" },
            new String[] { "41", "Beneficiarios y acreedores varios", "LIABILITY", "HEADING" },
            new String[] { "495",
                    "Deterioro de valor de créditos de usuarios, patrocinadores, afiliados y otros deudores", "ASSET",
                    "POSTING" },
            new String[] { "4757",
                    "Hacienda Pública, acreedora por subvenciones recibidas en concepto de entidad colaboradora (art. 12 "
                            + "Ley de Subvenciones)",
                    "LIABILITY", "POSTING" },
            new String[] { "551", "Cuenta corriente con patronos y otros", "ASSET", "POSTING" },
            new String[] { "558", "Fundadores y asociados por desembolsos exigidos", "ASSET", "POSTING" },
            new String[] { "600", "Compras de bienes destinados a la actividad", "EXPENSE", "POSTING" },
            new String[] { "661", "Intereses de obligaciones y bonos", "EXPENSE", "HEADING" },
            new String[] { "6911", "Pérdidas por deterioro de bienes del Patrimonio Histórico", "EXPENSE", "POSTING" },
            new String[] { "7620", "Ingresos de créditos a largo plazo", "INCOME", "HEADING" },
            new String[] { "76212", "Ingreso de créditos a corto plazo, otras partes vinculadas", "INCOME", "POSTING" },
            new String[] { "79544", "Exceso de provisión por contratos onerosos", "INCOME", "POSTING" },
            new String[] { "842", "Transferencias de otras subvenciones, donaciones y legados", "EXPENSE", "HEADING" },
            new String[] { "9421", "Ingresos de otras donaciones y legados", "INCOME", "POSTING" });

    /** Accounts only the normal plan's cuadro has, added to pgc-esfl.csv. */
    private static final List<String[]> RECONCILED_NORMAL_ONLY = List.of( //
            new String[] { "1030", "Fundadores, por desembolsos no exigidos", "EQUITY", "POSTING" },
            new String[] { "1340", "Coberturas de flujos de efectivo", "EQUITY", "POSTING" },
            new String[] { "189", "Garantías financieras a largo plazo", "LIABILITY", "POSTING" },
            new String[] { "204", "Fondo de comercio", "ASSET", "POSTING" },
            new String[] { "5296", "Provisión a corto plazo para reestructuraciones", "LIABILITY", "POSTING" },
            new String[] { "5531", "Cuenta corriente con la entidad absorbente o de nueva creación", "LIABILITY",
                    "POSTING" },
            new String[] { "58", "Activos no corrientes mantenidos para la venta y activos y pasivos asociados",
                    "ASSET", "HEADING" },
            new String[] { "580", "Inmovilizado", "ASSET", "POSTING" },
            new String[] { "587", "Deudas con personas y entidades vinculadas", "LIABILITY", "POSTING" },
            new String[] { "5993",
                    "Deterioro de valor de existencias, deudores comerciales y otras cuentas a cobrar integrados en un "
                            + "grupo enajenable mantenido para la venta",
                    "ASSET", "POSTING" },
            new String[] { "6632", "Pérdidas de disponibles para la venta", "EXPENSE", "POSTING" },
            new String[] { "774", "Diferencia negativa en combinaciones de negocios", "INCOME", "POSTING" },
            new String[] { "7950", "Exceso de provisión por retribuciones al personal", "INCOME", "POSTING" });

    /** Accounts only the small and medium plan's cuadro has (or words differently), in pgc-pymesfl.csv. */
    private static final List<String[]> RECONCILED_SMALL_ONLY = List.of( //
            new String[] { "1030", "Fundadores por desembolsos no exigidos", "EQUITY", "POSTING" },
            new String[] { "2935", "Deterioro de valor de participaciones a largo plazo en otras partes vinculadas",
                    "ASSET", "POSTING" },
            new String[] { "369", "Materiales recuperados B", "ASSET", "POSTING" },
            new String[] { "663", "Pérdidas por valoración de activos y pasivos financieros por su valor razonable",
                    "EXPENSE", "POSTING" },
            new String[] { "7963",
                    "Reversión del deterioro de participaciones en instrumentos de patrimonio neto a largo plazo, otras "
                            + "entidades",
                    "INCOME", "POSTING" });

    private static void assertAccounts(String file, List<String[]> expected) throws IOException {
        Map<String, Account> accounts = read(file);
        for (String[] e : expected) {
            Account a = accounts.get(e[0]);
            assertTrue(a != null, file + " lacks " + e[0] + " " + e[1]);
            assertEquals(e[1], a.name(), file + " name of " + e[0]);
            assertEquals(e[2], a.nature(), file + " nature of " + e[0]);
            assertEquals(e[3], a.kind(), file + " kind of " + e[0]);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv" })
    void bothNonProfitPlansHaveTheReconciledAccounts(String file) throws IOException {
        assertAccounts(file, RECONCILED_IN_BOTH);
    }

    @Test
    void eachNonProfitPlanHasItsOwnReconciledAccounts() throws IOException {
        assertAccounts("pgc-esfl.csv", RECONCILED_NORMAL_ONLY);
        assertAccounts("pgc-pymesfl.csv", RECONCILED_SMALL_ONLY);
        Map<String, Account> esfl = read("pgc-esfl.csv");
        Map<String, Account> pymesfl = read("pgc-pymesfl.csv");
        // Not in the normal plan's cuadro: removed from pgc-esfl.csv.
        for (String code : List.of("119", "2935", "296", "5935", "596")) {
            assertFalse(esfl.containsKey(code), "pgc-esfl.csv should not have " + code);
        }
        // Not in the small and medium plan's cuadro.
        for (String code : List.of("115", "133", "140", "189", "204", "267", "466", "58", "599", "643", "767", "774",
                "7950", "80", "85", "86", "89", "90", "95", "96", "99")) {
            assertFalse(pymesfl.containsKey(code), "pgc-pymesfl.csv should not have " + code);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv" })
    void everyEquityAdjustmentOfSubgroupThirteenHasItsGroupEightAndNineAccounts(String file) throws IOException {
        Map<String, Account> accounts = read(file);
        // PGC, quinta parte: 130-132 are moved by 84x/94x, 133 by 80x/90x, 134 by 81x/91x, 135 by 82x/92x, 136 by
        // 86x/96x, 137 by 836/837 and 834/835; year-end closing relies on these to empty groups 8 and 9 into 13.
        Map<String, List<String>> movedBy = Map.of("130", List.of("840", "940"), "131", List.of("841", "941"), "132",
                List.of("842", "942"), "133", List.of("800", "802", "900", "902"), "134",
                List.of("810", "812", "910", "912"), "135", List.of("820", "821", "920", "921"), "136",
                List.of("860", "862", "960", "962"), "137", List.of("834", "835", "836", "837"));
        // A plan without groups 8 and 9 (PGC PYMES) moves subgroup 13 straight against 47/57 and results (quinta parte,
        // 130 a1 and b1).
        movedBy.forEach((equity, counterparts) -> {
            if (accounts.containsKey(equity) && accounts.containsKey("8")) {
                for (String c : counterparts) {
                    assertTrue(accounts.containsKey(c), file + " has " + equity + " but not " + c);
                }
            }
        });
        for (Account a : accounts.values()) {
            if (a.group().equals("8") || a.group().equals("9")) {
                assertEquals(a.group().equals("8") ? "EXPENSE" : "INCOME", a.nature(), file + " " + a.code());
            }
        }
    }

    private static List<String> codesOfGroupsEightAndNine(Map<String, Account> accounts) {
        return accounts.keySet().stream().filter(c -> c.startsWith("8") || c.startsWith("9")).toList();
    }

    @Test
    void smallNonProfitPlanHasItsOwnAccounts() throws IOException {
        Map<String, Account> pymesfl = read("pgc-pymesfl.csv");
        for (String code : List.of("100", "101", "129", "412", "447", "448", "6501", "653", "654", "720", "721")) {
            assertTrue(pymesfl.containsKey(code), "pgc-pymesfl.csv lacks " + code);
        }
    }

    @Test
    void natureFollowsTheGroups() throws IOException {
        for (String file : List.of("pgc-esfl.csv", "pgc-pymesfl.csv", "pgc-pymes-2007.csv", "pgc-cooperativas.csv")) {
            for (Account a : read(file).values()) {
                String where = file + " " + a.code();
                switch (a.group()) {
                    case "2", "3" -> assertEquals("ASSET", a.nature(), where);
                    case "6", "8" -> assertEquals("EXPENSE", a.nature(), where);
                    case "7", "9" -> assertEquals("INCOME", a.nature(), where);
                    case "1" ->
                            assertEquals(a.code().length() >= 2 && a.code().charAt(1) >= '4' ? "LIABILITY" : "EQUITY",
                                    a.nature(), where);
                    default -> {
                    }
                }
            }
        }
    }

    /**
     * The accounts Orden EHA/3360/2010 (BOE-A-2010-20034) creates for cooperatives, each in the norm that names it (see
     * the chart's header), with their kind; the PYMES accounts the Orden divides become headings.
     */
    private static final Map<String, String> COOPERATIVES_ITEMS = cooperativesItems();

    private static Map<String, String> cooperativesItems() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String heading : List.of("1002", "107", "1145", "1502", "757")) {
            m.put(heading, "HEADING");
        }
        for (String posting : List.of("1000", "1001", "10020", "10021", "1070", "1071", "11450", "11451", "1181", "148",
                "1500", "1501", "15020", "15021", "1530", "1710", "1711", "1712", "1713", "1714", "1715", "2527", "307",
                "317", "4007", "447", "5020", "5210", "5211", "5212", "5213", "5214", "5298", "5427", "55850", "605",
                "6063", "6083", "6093", "617", "647", "657", "6647", "737", "756", "7570", "7571", "7572", "7573")) {
            m.put(posting, "POSTING");
        }
        return m;
    }

    /**
     * The cooperatives' chart is the PGC PYMES chart of the text in force, every account with its code, plus the
     * accounts the Orden creates; the only accounts whose name or kind differ are those the Orden renames (112, 113,
     * 526 and subgroups 10, 65, 73, 75) or divides (100, 118, 150, 171, 252, 502, 521, 542, 5585).
     */
    @Test
    void theCooperativesChartIsThePymesChartWithTheCooperativesItems() throws IOException {
        Map<String, Account> pymes = read("pgc-pymes-2007.csv");
        Map<String, Account> cooperatives = read("pgc-cooperativas.csv");
        assertEquals(List.of(), pymes.keySet().stream().filter(code -> !cooperatives.containsKey(code)).toList());
        assertEquals(List.copyOf(COOPERATIVES_ITEMS.keySet()).stream().sorted().toList(),
                cooperatives.keySet().stream().filter(code -> !pymes.containsKey(code)).sorted().toList());
        COOPERATIVES_ITEMS.forEach((code, kind) -> assertEquals(kind, cooperatives.get(code).kind(), code));
        assertEquals(
                List.of("10", "100", "112", "113", "118", "150", "171", "252", "502", "521", "526", "542", "5585", "65",
                        "73", "75"),
                pymes.keySet().stream().filter(code -> !pymes.get(code).name().equals(cooperatives.get(code).name())
                        || !pymes.get(code).kind().equals(cooperatives.get(code).kind())).sorted().toList());
        // Norma 6.ª 5: the FEFP is a liability of its own, not a provision under 142, allocated through 657, not 659.
        assertEquals("Fondo de Educación, Formación y Promoción a largo plazo", cooperatives.get("148").name());
        assertEquals("LIABILITY", cooperatives.get("148").nature());
        assertEquals("Fondo de Educación, Formación y Promoción a corto plazo", cooperatives.get("5298").name());
        assertEquals("LIABILITY", cooperatives.get("5298").nature());
        assertEquals("Dotación al Fondo de Educación, Formación y Promoción", cooperatives.get("657").name());
        assertEquals("EXPENSE", cooperatives.get("657").nature());
        assertEquals("POSTING", cooperatives.get("142").kind());
        assertEquals("POSTING", cooperatives.get("659").kind());
        // Norma 4.ª 1.1.4: 112 is the Fondo de Reserva Obligatorio itself.
        assertEquals("Fondo de Reserva Obligatorio", cooperatives.get("112").name());
        assertEquals("POSTING", cooperatives.get("112").kind());
        assertEquals("POSTING", cooperatives.get("129").kind());
    }
}
