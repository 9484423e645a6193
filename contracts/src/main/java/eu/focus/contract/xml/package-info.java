/**
 * Contract v1 as XML, for the SOAP channel: {@link eu.focus.contract.xml.XsdGenerator} derives the
 * XSD from the JSON Schemas (which stay the single source of truth), {@link
 * eu.focus.contract.xml.ContractXml} converts documents between JSON and that XML generically by
 * walking the JSON Schema, and {@link eu.focus.contract.xml.ContractXsd} validates XML against the
 * XSD. The WSDLs of the gateway's exchange service and of agency recipients sit next to the XSD
 * under {@code focus/contract/v1/xml/}. Every parser here refuses DTDs.
 */
package eu.focus.contract.xml;
