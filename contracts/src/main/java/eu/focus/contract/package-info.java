/**
 * The common contract of Focus Gateway, version 1: the JSON Schemas of the assessment record, the
 * submission, the delivery message and the consent, their code lists, and the Java that reads them.
 * {@link eu.focus.contract.ContractValidator} checks a document against its schema and code lists
 * and reports every violation with a JSON pointer; {@link eu.focus.contract.ContractSchemas} and
 * {@link eu.focus.contract.SchemaNode} let other modules walk a document alongside its schema to
 * read the {@code x-sensitivity}, {@code x-summary} and {@code x-codelist} annotations that drive
 * data minimisation; {@link eu.focus.contract.CodeLists} answers whether a code belongs to a list.
 * The schemas under {@code focus/contract/v1/} are the source of truth: this package holds no model
 * classes generated from them.
 */
package eu.focus.contract;
