// Public surface of the streaming XML scanner the JUnit parser reads with.
export { type Attributes, decodeEntities, type XmlHandler, XmlScanner, XmlSyntaxError } from "./scan-xml.ts";
