package coop.intercoop.hub.payroll.control;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

import coop.intercoop.hub.payroll.control.PayrollRuns.RunEmployee;

/**
 * What a run pays each employee, as comparable text: every component of the employee's row, its lines and accruals —
 * figures, who, where, the period, the sources cited — read from the records themselves, so that a component added to
 * them is compared without anyone listing it. Amounts compare by value ({@code 2000.00} as stored equals {@code 2000}
 * as calculated).
 */
final class RunFigures {

    /** Each record class's components, looked up once: the lookup copies them each time it is asked. */
    private static final ClassValue<RecordComponent[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected RecordComponent[] computeValue(Class<?> type) {
            return type.getRecordComponents();
        }
    };

    private RunFigures() {
    }

    /**
     * The names of the employees whose month differs between {@code stored} and {@code now}, or who are in one and not
     * the other, in alphabetical order.
     */
    static List<String> changed(List<RunEmployee> stored, List<RunEmployee> now) {
        Map<Long, RunEmployee> before = byEmployee(stored);
        Map<Long, RunEmployee> after = byEmployee(now);
        TreeSet<Long> employees = new TreeSet<>(before.keySet());
        employees.addAll(after.keySet());
        TreeSet<String> changed = new TreeSet<>();
        for (long employee : employees) {
            RunEmployee was = before.get(employee);
            RunEmployee is = after.get(employee);
            if (was == null || is == null || !of(was).equals(of(is))) {
                changed.add((is != null ? is : was).workerName());
            }
        }
        return new ArrayList<>(changed);
    }

    /** The employee's month as text. */
    static String of(RunEmployee employee) {
        StringBuilder text = new StringBuilder();
        append(text, employee);
        return text.toString();
    }

    private static Map<Long, RunEmployee> byEmployee(List<RunEmployee> employees) {
        return employees.stream()
                .collect(Collectors.toMap(RunEmployee::employeeId, Function.identity(), (a, b) -> a, TreeMap::new));
    }

    private static void append(StringBuilder text, Object value) {
        if (value instanceof BigDecimal amount) {
            text.append(amount.signum() == 0 ? "0" : amount.stripTrailingZeros().toPlainString());
        } else if (value instanceof Optional<?> optional) {
            text.append(optional.isPresent() ? "some(" : "none");
            optional.ifPresent(present -> {
                append(text, present);
                text.append(')');
            });
        } else if (value instanceof Collection<?> values) {
            text.append('[');
            values.forEach(v -> {
                append(text, v);
                text.append(';');
            });
            text.append(']');
        } else if (value instanceof Record record) {
            text.append(record.getClass().getSimpleName()).append('(');
            for (RecordComponent component : COMPONENTS.get(record.getClass())) {
                text.append(component.getName()).append('=');
                try {
                    append(text, component.getAccessor().invoke(record));
                } catch (IllegalAccessException | InvocationTargetException e) {
                    throw new IllegalStateException("Cannot read " + component, e);
                }
                text.append(',');
            }
            text.append(')');
        } else {
            text.append(value);
        }
    }
}
