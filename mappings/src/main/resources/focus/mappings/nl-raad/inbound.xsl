<?xml version="1.0" encoding="UTF-8"?>
<!--
  Raad voor de Kinderbescherming (nl-raad) -> contract v1 submission.

  Input: the SOAP body payload, one <Raadsrapportage> in urn:nl:rvdk:berichten:v1 with <Bericht> and
  <Rapportage> (see wsdl/raad-berichten.xsd and README.md). Output: an XDM map, serialised as JSON by
  the engine and validated against the contract.

  Conventions:
  - every code goes through a code list with the element itself as the value,
    fg:to-contract('<list>', Element): when the code cannot be mapped the engine reports the
    element's XPath (e.g. /Raadsrapportage/Rapportage[1]/Zaak[1]/Rollen[1]/Rol[2]/Code[1]);
  - a missing element maps to a missing member (local:entry), so the contract names what is missing;
  - free texts are Dutch ($system?language) unless the element says otherwise with taal="<code>";
  - what the Raad does not send comes from system.yaml ($system); record.provenance.mappingVersion
    is stamped by the engine;
  - InterneAantekening and Onderzoeker/Medewerkernummer never leave the Raad: they are not read.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:map="http://www.w3.org/2005/xpath-functions/map"
    xmlns:fg="urn:focus-gateway:mappings"
    xmlns:r="urn:nl:rvdk:berichten:v1"
    xmlns:local="urn:local"
    exclude-result-prefixes="#all">

  <xsl:param name="system" as="map(*)"/>

  <!-- A member only when there is a value: elements the payload lacks stay out of the JSON. -->
  <xsl:function name="local:entry" as="map(*)">
    <xsl:param name="key" as="xs:string"/>
    <xsl:param name="value" as="item()*"/>
    <xsl:sequence select="if (exists($value)) then map { $key: $value } else map { }"/>
  </xsl:function>

  <!-- The text of an element, or nothing when it is missing or blank. -->
  <xsl:function name="local:string" as="xs:string?">
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="$node[normalize-space()] ! string(.)"/>
  </xsl:function>

  <!-- A contract text: the element's text with its language (taal attribute, else Dutch). -->
  <xsl:function name="local:text" as="map(*)?">
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="
      $node[normalize-space()] ! map {
        'value': string(.),
        'lang': if (@taal) then fg:to-contract('taal', @taal) else $system?language
      }"/>
  </xsl:function>

  <xsl:function name="local:boolean" as="xs:boolean?">
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="
      if (empty($node)) then ()
      else if (normalize-space($node) castable as xs:boolean) then xs:boolean(normalize-space($node))
      else fg:mapping-error($node, string($node), 'expected true or false')"/>
  </xsl:function>

  <xsl:function name="local:integer" as="xs:integer?">
    <xsl:param name="node" as="element()?"/>
    <xsl:sequence select="
      if (empty($node)) then ()
      else if (normalize-space($node) castable as xs:integer) then xs:integer(normalize-space($node))
      else fg:mapping-error($node, string($node), 'expected a whole number')"/>
  </xsl:function>

  <xsl:function name="local:precision" as="xs:string">
    <xsl:param name="date" as="xs:string"/>
    <xsl:sequence select="
      if (string-length($date) = 10) then 'DAY'
      else if (string-length($date) = 7) then 'MONTH' else 'YEAR'"/>
  </xsl:function>

  <xsl:function name="local:address" as="map(*)?">
    <xsl:param name="a" as="element(r:Adres)?"/>
    <xsl:sequence select="$a ! map:merge((
      local:entry('lines', r:Straat[normalize-space()] ! array { string(.) }),
      local:entry('city', local:string(r:Woonplaats)),
      local:entry('postalCode', local:string(r:Postcode)),
      local:entry('country', local:string(r:Land))
    ))"/>
  </xsl:function>

  <xsl:function name="local:person" as="map(*)?">
    <xsl:param name="p" as="element()?"/>
    <xsl:param name="agency" as="xs:string?"/>
    <xsl:sequence select="$p[r:Naam] ! map:merge((
      map { 'name': string(r:Naam) },
      local:entry('function', local:string(r:Functie)),
      local:entry('agencyId', $agency)
    ))"/>
  </xsl:function>

  <xsl:function name="local:period" as="map(*)?">
    <xsl:param name="from" as="element()?"/>
    <xsl:param name="to" as="element()?"/>
    <xsl:sequence select="
      if (exists($from) or exists($to)) then map:merge((
        local:entry('start', local:string($from)),
        local:entry('end', local:string($to))
      )) else ()"/>
  </xsl:function>

  <xsl:template match="/r:Raadsrapportage">
    <xsl:variable name="b" select="r:Bericht"/>
    <xsl:variable name="sender" select="(local:string($b/r:Afzender), $system?agencyId)[1]"/>
    <xsl:variable name="grondslag" select="$b/r:Grondslag"/>
    <xsl:sequence select="map:merge((
      map {
        'contractVersion': '1.0',
        'sourceCountry': $system?country,
        'sourceAgency': $sender,
        'recipients': array { $b/r:Ontvanger ! string(.) },
        'legalBasis': map:merge((
          local:entry('basis', fg:to-contract('grondslag', $grondslag/r:Rechtsgrond)),
          local:entry('specialCategoryCondition',
            fg:to-contract('bijzondere-gegevens', $grondslag/r:BijzondereGegevens)),
          local:entry('criminalDataCondition',
            fg:to-contract('strafrechtelijke-gegevens', $grondslag/r:StrafrechtelijkeGegevens)),
          local:entry('nationalLawReference', local:string($grondslag/r:Wetsverwijzing))
        ))
      },
      local:entry('messageId', local:string($b/r:BerichtId)),
      local:entry('purposeOfUse', fg:to-contract('doel', $b/r:Doel)),
      local:entry('consentRef', local:string($b/r:ToestemmingId)),
      local:entry('handlingConditions', $b/r:Gebruiksvoorwaarde[1] ! array {
        $b/r:Gebruiksvoorwaarde ! fg:to-contract('gebruiksvoorwaarde', .)
      }),
      local:entry('sentAt', local:string($b/r:Verzonden)),
      local:entry('record', r:Rapportage ! local:record(., $sender))
    ))"/>
  </xsl:template>

  <xsl:function name="local:record" as="map(*)">
    <xsl:param name="rap" as="element(r:Rapportage)"/>
    <xsl:param name="sender" as="xs:string"/>
    <xsl:variable name="reg" select="$rap/r:Registratie"/>
    <xsl:sequence select="map:merge((
      map {
        'contractVersion': '1.0',
        'child': local:child($rap/r:Kind),
        'guardians': array { $rap/r:Vertegenwoordigers/r:Vertegenwoordiger ! local:guardian(.) },
        'case': local:case($rap/r:Zaak),
        'assessment': local:assessment($rap/r:Onderzoek),
        'assessors': array { $rap/r:Onderzoekers/r:Onderzoeker ! local:assessor(.) },
        'provenance': map:merge((
          map {
            'authoringAgency': $sender,
            'authoringSystem': (local:string($reg/r:Bronsysteem), $system?name)[1]
          },
          local:entry('recordedAt', local:string($reg/r:Vastgelegd)),
          local:entry('author', local:person($reg/r:Auteur, $sender)),
          local:entry('verifier', local:person($reg/r:Controleur, $sender)),
          local:entry('translator', local:person($reg/r:Vertaler, ())),
          local:entry('sourceRecordId', local:string($reg/r:BronId)),
          local:entry('completeness', fg:to-contract('volledigheid', $reg/r:Volledigheid)),
          local:entry('accuracyNote', local:text($reg/r:Juistheid))
        ))
      },
      local:entry('recordId', local:string($reg/r:RegistratieId)),
      local:entry('version', local:integer($reg/r:Versie)),
      local:entry('previousVersion', local:integer($reg/r:VorigeVersie)),
      local:entry('versioning', $rap/r:Versiebeheer ! map:merge((
        local:entry('supersedes', r:Vervangt ! map:merge((
          local:entry('recordId', local:string(r:RegistratieId)),
          local:entry('version', local:integer(r:Versie))
        ))),
        local:entry('changeReason', fg:to-contract('wijzigingsreden', r:Reden)),
        local:entry('changeNote', local:text(r:Toelichting)),
        local:entry('notifyPriorRecipients', local:boolean(r:EerdereOntvangersInformeren)),
        local:entry('retentionUntil', local:string(r:BewarenTot))
      )))
    ))"/>
  </xsl:function>

  <xsl:function name="local:child" as="map(*)">
    <xsl:param name="k" as="element(r:Kind)?"/>
    <xsl:variable name="born" select="local:string($k/r:Geboortedatum)"/>
    <xsl:variable name="needs" select="$k/r:Communicatiebehoeften"/>
    <xsl:sequence select="map:merge((
      local:entry('nationalIdentifiers', $k/r:Identificatie[1] ! array {
        $k/r:Identificatie ! map:merge((
          local:entry('system', local:string(r:Stelsel)),
          local:entry('value', local:string(r:Nummer)),
          local:entry('country', local:string(r:Land))
        ))
      }),
      local:entry('name', ($k/r:Voornaam, $k/r:Achternaam)[normalize-space()][1] ! map:merge((
        local:entry('given', local:string($k/r:Voornaam)),
        local:entry('family', local:string($k/r:Achternaam))
      ))),
      local:entry('birthDate', $born ! map { 'value': ., 'precision': local:precision(.) }),
      local:entry('ageStatus', fg:to-contract('leeftijdstatus', $k/r:LeeftijdStatus)),
      local:entry('nationality', $k/r:Nationaliteit[1] ! array { $k/r:Nationaliteit ! string(.) }),
      local:entry('address', local:address($k/r:Adres)),
      local:entry('language', fg:to-contract('taal', $k/r:Taal)),
      local:entry('interpreterNeeded', local:boolean($k/r:TolkNodig)),
      local:entry('unaccompaniedOrSeparated', local:boolean($k/r:AlleenstaandeMinderjarige)),
      local:entry('communicationOrDisabilityNeeds', $needs ! map:merge((
        local:entry('needed', local:boolean(r:Aanwezig)),
        local:entry('description', local:text(r:Omschrijving))
      )))
    ))"/>
  </xsl:function>

  <xsl:function name="local:guardian" as="map(*)">
    <xsl:param name="v" as="element(r:Vertegenwoordiger)"/>
    <xsl:sequence select="$v ! map:merge((
      local:entry('guardianId', local:string(r:Id)),
      local:entry('role', fg:to-contract('relatie', r:Relatie)),
      local:entry('holdsParentalResponsibility', local:boolean(r:Gezag)),
      (: no default: a missing conflict flag must stop the record, not silently become false :)
      map { 'conflictOfInterest': map:merge((
        local:entry('flag', local:boolean(r:Belangenconflict)),
        local:entry('reason', local:text(r:RedenBelangenconflict))
      )) },
      local:entry('name', (r:Voornaam, r:Achternaam)[normalize-space()][1] ! map:merge((
        local:entry('given', local:string($v/r:Voornaam)),
        local:entry('family', local:string($v/r:Achternaam))
      ))),
      local:entry('contact', (r:Telefoon, r:Email, r:Adres)[1] ! map:merge((
        local:entry('phone', local:string($v/r:Telefoon)),
        local:entry('email', local:string($v/r:Email)),
        local:entry('address', local:address($v/r:Adres))
      )))
    ))"/>
  </xsl:function>

  <xsl:function name="local:case" as="map(*)">
    <xsl:param name="z" as="element(r:Zaak)?"/>
    <xsl:sequence select="map:merge((
      map {
        'jurisdiction': $system?country,
        'childRoles': array { $z/r:Rollen/r:Rol ! map:merge((
          local:entry('role', fg:to-contract('rol', r:Code)),
          local:entry('period', local:period(r:Van, r:Tot))
        )) }
      },
      local:entry('caseRef', local:string($z/r:Zaaknummer)),
      local:entry('relatedCaseRefs', $z/r:GerelateerdeZaak[1] ! array {
        $z/r:GerelateerdeZaak ! map:merge((
          local:entry('agencyId', local:string(r:Instantie)),
          local:entry('reference', local:string(r:Nummer))
        ))
      }),
      local:entry('proceedingType', fg:to-contract('procedure', $z/r:Procedure)),
      local:entry('stage', fg:to-contract('fase', $z/r:Fase)),
      local:entry('offences', $z/r:Delicten/r:Delict[1] ! array {
        $z/r:Delicten/r:Delict ! map:merge((
          (: an explicit ICCS code wins over the article's default one :)
          local:entry('iccs',
            if (r:ICCS[normalize-space()]) then string(r:ICCS) else fg:to-contract('delict', r:Artikel)),
          local:entry('nationalCode',
            if (r:Artikel) then map { 'system': 'NL-SR', 'code': string(r:Artikel) }
            else r:BuitenlandseKwalificatie ! map {
              'system': string(r:Stelsel), 'code': string(r:Code)
            }),
          local:entry('description', local:text(r:Omschrijving)),
          local:entry('date', local:string(r:Pleegdatum)),
          local:entry('ecrisCompletion', fg:to-contract('voltooiing', r:Voltooiing)),
          local:entry('ecrisParticipation', fg:to-contract('deelneming', r:Deelneming))
        ))
      }),
      local:entry('victimContextFlags', $z/r:Omstandigheden/r:Omstandigheid[1] ! array {
        $z/r:Omstandigheden/r:Omstandigheid ! fg:to-contract('omstandigheid', .)
      }),
      local:entry('deprivationOfLiberty', $z/r:Vrijheidsbeneming ! map:merge((
        local:entry('status', fg:to-contract('vrijheidsbeneming', r:Soort)),
        local:entry('period', local:period(r:Van, r:Tot)),
        local:entry('separatedFromAdults', local:boolean(r:GescheidenVanVolwassenen))
      )))
    ))"/>
  </xsl:function>

  <xsl:function name="local:assessment" as="map(*)">
    <xsl:param name="o" as="element(r:Onderzoek)?"/>
    <xsl:variable name="m" select="$o/r:MeningKind"/>
    <xsl:variable name="risks" select="$o/r:Beschermingsbehoeften/r:Risicos"/>
    <xsl:sequence select="map:merge((
      map {
        'findings': array { $o/r:Bevindingen/r:Bevinding ! local:finding(.) },
        'childViews': map:merge((
          local:entry('howHeard', fg:to-contract('gehoord', $m/r:Gehoord)),
          local:entry('notHeardReason', local:text($m/r:RedenNietGehoord)),
          local:entry('viewsSummary', local:text($m/r:Samenvatting)),
          local:entry('viewsText', local:text($m/r:EigenWoorden)),
          local:entry('childAgrees', fg:to-contract('instemming', $m/r:Instemming)),
          local:entry('wishesOnMeasures', local:text($m/r:WensenMaatregelen)),
          local:entry('feedbackGiven', local:boolean($m/r:TerugkoppelingGegeven))
        ))
      },
      local:entry('assessmentId', local:string($o/r:OnderzoekId)),
      local:entry('status', fg:to-contract('status', $o/r:Status)),
      local:entry('legalFramework', fg:to-contract('kader', $o/r:Kader)),
      local:entry('trigger', fg:to-contract('aanleiding', $o/r:Aanleiding)),
      local:entry('startedAt', local:string($o/r:Gestart)),
      local:entry('completedAt', local:string($o/r:Afgerond)),
      local:entry('stageAtAssessment', fg:to-contract('fase', $o/r:FaseBijOnderzoek)),
      local:entry('protectionNeeds', $o/r:Beschermingsbehoeften ! map:merge((
        local:entry('specificProtectionNeeds', local:boolean(r:SpecifiekeBeschermingsbehoeften)),
        local:entry('risks', $risks ! map:merge((
          local:entry('secondaryVictimisation', fg:to-contract('risico', r:SecundaireVictimisatie)),
          local:entry('repeatVictimisation', fg:to-contract('risico', r:HerhaaldeVictimisatie)),
          local:entry('intimidation', fg:to-contract('risico', r:Intimidatie)),
          local:entry('retaliation', fg:to-contract('risico', r:Vergelding))
        ))),
        local:entry('needs', r:Behoefte[1] ! array {
          ../r:Behoefte ! fg:to-contract('behoefte', .)
        })
      ))),
      local:entry('recommendedMeasures', $o/r:Maatregelen/r:Maatregel[1] ! array {
        $o/r:Maatregelen/r:Maatregel ! map:merge((
          local:entry('measure', fg:to-contract('maatregel', r:Code)),
          local:entry('status', fg:to-contract('maatregel-status', r:Status)),
          local:entry('decidedBy', local:string(r:BesluitDoor)),
          local:entry('date', local:string(r:Datum)),
          local:entry('note', local:text(r:Toelichting))
        ))
      }),
      local:entry('restorativeJustice', $o/r:Herstelrecht ! map:merge((
        local:entry('suitability', fg:to-contract('herstelrecht-geschiktheid', r:Geschiktheid)),
        local:entry('consentPerParty', r:Instemming[1] ! array {
          ../r:Instemming ! map:merge((
            local:entry('party', fg:to-contract('herstelrecht-partij', r:Partij)),
            local:entry('consentGiven', local:boolean(r:Gegeven)),
            local:entry('date', local:string(r:Datum))
          ))
        }),
        local:entry('outcome', fg:to-contract('herstelrecht-resultaat', r:Resultaat)),
        local:entry('notes', local:text(r:Notities))
      )))
    ))"/>
  </xsl:function>

  <xsl:function name="local:finding" as="map(*)">
    <xsl:param name="f" as="element(r:Bevinding)"/>
    <xsl:variable name="domain" select="fg:to-contract('domein', $f/r:Domein)"/>
    <xsl:sequence select="$f ! map:merge((
      local:entry('domain', $domain),
      local:entry('summary', local:text(r:Samenvatting)),
      local:entry('detail', local:text(r:Toelichting)),
      local:entry('strengths', local:text(r:SterkeKanten)),
      local:entry('basis', fg:to-contract('aard-bevinding', r:Aard)),
      local:entry('source', fg:to-contract('bron', r:Bron)),
      (: the class follows from the domain; an unknown domain is reported once, above :)
      local:entry('sensitivity', $domain ! fg:to-contract('domein-klasse', $f/r:Domein))
    ))"/>
  </xsl:function>

  <xsl:function name="local:assessor" as="map(*)">
    <xsl:param name="x" as="element(r:Onderzoeker)"/>
    <xsl:sequence select="$x ! map:merge((
      local:entry('role', fg:to-contract('rol-onderzoeker', r:Rol)),
      local:entry('name', local:string(r:Naam)),
      local:entry('profession', fg:to-contract('beroep', r:Beroep)),
      local:entry('organisation', local:string(r:Organisatie)),
      local:entry('agencyId', local:string(r:Instantie)),
      local:entry('agencyType', fg:to-contract('soort-instantie', r:SoortInstantie)),
      local:entry('qualification', local:string(r:Kwalificatie))
    ))"/>
  </xsl:function>
</xsl:stylesheet>
