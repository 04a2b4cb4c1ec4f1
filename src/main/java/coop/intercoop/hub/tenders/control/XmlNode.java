package coop.intercoop.hub.tenders.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * One element of a feed entry and what it holds, read into memory an entry at a time so that a page of any length takes
 * the memory of its largest entry. Paths go by local names: the platform's CODICE spreads one folder over five
 * namespaces, and {@link FeedReader} checks the one that matters (the folder's).
 */
final class XmlNode {

    final String namespace;
    final String name;
    private final Map<String, String> attributes;
    private final StringBuilder text = new StringBuilder();
    private final List<XmlNode> children = new ArrayList<>();

    private XmlNode(String namespace, String name, Map<String, String> attributes) {
        this.namespace = namespace;
        this.name = name;
        this.attributes = attributes;
    }

    /** Reads the element the reader stands at the start of, to its end, where it leaves the reader. */
    static XmlNode read(XMLStreamReader reader) throws XMLStreamException {
        XmlNode node = start(reader);
        while (true) {
            int event = reader.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                node.children.add(read(reader));
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
                node.text.append(reader.getText());
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                return node;
            }
        }
    }

    private static XmlNode start(XMLStreamReader reader) {
        Map<String, String> attributes = new HashMap<>();
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            attributes.put(reader.getAttributeLocalName(i), reader.getAttributeValue(i));
        }
        String namespace = reader.getNamespaceURI();
        return new XmlNode(namespace == null ? "" : namespace, reader.getLocalName(), attributes);
    }

    /** The element's text, trimmed; empty when it has none. */
    Optional<String> text() {
        String trimmed = text.toString().strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(trimmed);
    }

    Optional<String> attribute(String localName) {
        return Optional.ofNullable(attributes.get(localName));
    }

    /** The first element at the path of local names below this one. */
    Optional<XmlNode> first(String... path) {
        return all(path).findFirst();
    }

    /** Every element at the path of local names below this one, in document order. */
    Stream<XmlNode> all(String... path) {
        Stream<XmlNode> nodes = Stream.of(this);
        for (String step : path) {
            nodes = nodes.flatMap(n -> n.children.stream().filter(c -> c.name.equals(step)));
        }
        return nodes;
    }

    /** The text of the first element at the path that has one. */
    Optional<String> text(String... path) {
        return all(path).map(XmlNode::text).flatMap(Optional::stream).findFirst();
    }
}
