package coop.intercoop.hub.spreadsheet.control;

import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import coop.intercoop.hub.platform.NotFoundException;

/** The importers the business components provide, by kind. */
@Dependent
public class Importers {

    @Inject
    @Any
    Instance<Importer> all;

    /**
     * @throws NotFoundException
     *             naming the kinds there are
     */
    public Importer of(String kind) {
        return StreamSupport.stream(all.spliterator(), false).filter(i -> i.kind().equals(kind)).findFirst()
                .orElseThrow(() -> new NotFoundException("import kind", kind + " (there are " + kinds() + ")"));
    }

    public List<String> kinds() {
        return StreamSupport.stream(all.spliterator(), false).map(Importer::kind).sorted().collect(Collectors.toList());
    }
}
