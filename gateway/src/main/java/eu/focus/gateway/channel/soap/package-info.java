/**
 * The SOAP channel (SOAP 1.1, document/literal, {@code focus-exchange-v1.wsdl} from contracts):
 * agencies submit and read assessments, follow exchanges and register or withdraw consents over
 * SOAP. It knows the protocol only: XML is turned into contract JSON by {@code ContractXml} and
 * handed to the same services the REST channel uses, and every refusal comes back as a SOAP Fault
 * carrying a {@link eu.focus.gateway.channel.soap.FocusFault} with the REST problem's content.
 */
package eu.focus.gateway.channel.soap;
