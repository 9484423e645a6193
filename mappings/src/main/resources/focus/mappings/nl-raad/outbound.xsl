<?xml version="1.0" encoding="UTF-8"?>
<!--
  Contract v1 delivery message -> Raad voor de Kinderbescherming (nl-raad).

  Output: exactly the SOAP body payload of LeverRapportage, one <Raadsrapportage> in
  urn:nl:rvdk:berichten:v1, valid against wsdl/raad-berichten.xsd: <Bericht>, <Levering>, then
  <Rapportage> for kind ASSESSMENT or <Intrekking> for kind REVOCATION.

  The engine passes the message as JSON text in $input. The record is minimised for this recipient:
  any member may be missing, and a missing member simply stays out (local:el writes nothing for an
  empty value). Codes go back through the code lists with the JSON pointer of the value in the
  message: fg:to-national('<list>', value, '/record/...'). Texts keep their language in taal when it
  is not Dutch. Elements follow the order of the XSD.
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:fg="urn:focus-gateway:mappings"
    xmlns:local="urn:local"
    xmlns="urn:nl:rvdk:berichten:v1"
    exclude-result-prefixes="#all">

  <xsl:param name="system" as="map(*)"/>
  <xsl:param name="input" as="xs:string"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:variable name="ns" select="'urn:nl:rvdk:berichten:v1'"/>

  <!-- An element with a simple value, or nothing when the value is missing. -->
  <xsl:function name="local:el" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="value" as="item()?"/>
    <xsl:if test="exists($value) and string($value) != ''">
      <xsl:element name="{$name}" namespace="{$ns}">
        <xsl:value-of select="$value"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <!-- A coded element: the contract code translated back through a code list. -->
  <xsl:function name="local:code" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="list" as="xs:string"/>
    <xsl:param name="value" as="item()?"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:sequence select="local:el($name, fg:to-national($list, $value, $pointer))"/>
  </xsl:function>

  <!-- A text element; taal names the language when it is not the Raad's own. -->
  <xsl:function name="local:text" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="text" as="map(*)?"/>
    <xsl:param name="pointer" as="xs:string"/>
    <xsl:if test="exists($text?value)">
      <xsl:element name="{$name}" namespace="{$ns}">
        <xsl:if test="exists($text?lang) and $text?lang != $system?language">
          <xsl:attribute name="taal"
              select="fg:to-national('taal', $text?lang, $pointer || '/lang')"/>
        </xsl:if>
        <xsl:value-of select="$text?value"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <xsl:function name="local:address" as="element()?">
    <xsl:param name="a" as="map(*)?"/>
    <xsl:if test="exists($a)">
      <Adres>
        <xsl:sequence select="
          local:el('Straat', string-join($a?lines?*, ', ')[. != '']),
          local:el('Postcode', $a?postalCode),
          local:el('Woonplaats', $a?city),
          local:el('Land', $a?country)"/>
      </Adres>
    </xsl:if>
  </xsl:function>

  <xsl:function name="local:person" as="element()?">
    <xsl:param name="name" as="xs:string"/>
    <xsl:param name="p" as="map(*)?"/>
    <xsl:if test="exists($p?name)">
      <xsl:element name="{$name}" namespace="{$ns}">
        <xsl:sequence select="local:el('Naam', $p?name), local:el('Functie', $p?function)"/>
      </xsl:element>
    </xsl:if>
  </xsl:function>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="m" select="parse-json($input)"/>
    <Raadsrapportage>
      <Bericht>
        <xsl:sequence select="
          local:el('BerichtId', $m?messageId),
          local:el('Verzonden', $m?sentAt),
          local:el('Afzender', $m?sourceAgency),
          local:el('AfzenderLand', $m?sourceCountry),
          local:el('Ontvanger', $m?destinationAgency),
          local:code('Doel', 'doel', $m?purposeOfUse, '/purposeOfUse')"/>
        <Grondslag>
          <xsl:sequence select="
            local:code('Rechtsgrond', 'grondslag', $m?legalBasis?basis, '/legalBasis/basis'),
            local:code('BijzondereGegevens', 'bijzondere-gegevens',
              $m?legalBasis?specialCategoryCondition, '/legalBasis/specialCategoryCondition'),
            local:code('StrafrechtelijkeGegevens', 'strafrechtelijke-gegevens',
              $m?legalBasis?criminalDataCondition, '/legalBasis/criminalDataCondition'),
            local:el('Wetsverwijzing', $m?legalBasis?nationalLawReference)"/>
        </Grondslag>
        <xsl:sequence select="local:el('ToestemmingId', $m?consentRef)"/>
        <xsl:for-each select="$m?handlingConditions?*">
          <xsl:sequence select="local:code('Gebruiksvoorwaarde', 'gebruiksvoorwaarde', .,
            '/handlingConditions/' || position() - 1)"/>
        </xsl:for-each>
      </Bericht>
      <Levering>
        <xsl:sequence select="
          local:el('LeveringId', $m?deliveryId),
          local:el('Idempotentiesleutel', $m?idempotencyKey),
          local:code('Soort', 'leveringsoort', $m?kind, '/kind'),
          local:el('OntvangerLand', $m?destinationCountry),
          $m?withheldClasses?* ! local:el('AchtergehoudenKlasse', .)"/>
      </Levering>
      <xsl:choose>
        <xsl:when test="exists($m?revocation)">
          <xsl:variable name="x" select="$m?revocation"/>
          <Intrekking>
            <xsl:sequence select="
              local:el('IngetrokkenLeveringId', $x?revokedDeliveryId),
              local:el('RegistratieId', $x?recordId),
              local:el('Versie', $x?version),
              local:code('Reden', 'intrekkingsreden', $x?reason, '/revocation/reason'),
              local:el('ToestemmingId', $x?consentId),
              local:el('IngetrokkenOp', $x?revokedAt)"/>
          </Intrekking>
        </xsl:when>
        <xsl:otherwise>
          <xsl:call-template name="rapportage">
            <xsl:with-param name="r" select="$m?record"/>
          </xsl:call-template>
        </xsl:otherwise>
      </xsl:choose>
    </Raadsrapportage>
  </xsl:template>

  <xsl:template name="rapportage">
    <xsl:param name="r" as="map(*)?"/>
    <xsl:variable name="v" select="$r?provenance"/>
    <Rapportage>
      <Registratie>
        <xsl:sequence select="
          local:el('RegistratieId', $r?recordId),
          local:el('Versie', $r?version),
          local:el('VorigeVersie', $r?previousVersion),
          local:el('BronId', $v?sourceRecordId),
          local:el('Bronsysteem', $v?authoringSystem),
          local:el('Vastgelegd', $v?recordedAt),
          local:person('Auteur', $v?author),
          local:person('Controleur', $v?verifier),
          local:person('Vertaler', $v?translator),
          local:code('Volledigheid', 'volledigheid', $v?completeness,
            '/record/provenance/completeness'),
          local:text('Juistheid', $v?accuracyNote, '/record/provenance/accuracyNote')"/>
      </Registratie>

      <xsl:if test="exists($r?child)">
        <xsl:variable name="c" select="$r?child"/>
        <xsl:variable name="needs" select="$c?communicationOrDisabilityNeeds"/>
        <Kind>
          <xsl:for-each select="$c?nationalIdentifiers?*">
            <Identificatie>
              <xsl:sequence select="
                local:el('Stelsel', ?system), local:el('Nummer', ?value), local:el('Land', ?country)"/>
            </Identificatie>
          </xsl:for-each>
          <xsl:sequence select="
            local:el('Voornaam', $c?name?given),
            local:el('Achternaam', $c?name?family),
            local:el('Geboortedatum', $c?birthDate?value),
            local:code('LeeftijdStatus', 'leeftijdstatus', $c?ageStatus, '/record/child/ageStatus'),
            $c?nationality?* ! local:el('Nationaliteit', .),
            local:address($c?address),
            local:code('Taal', 'taal', $c?language, '/record/child/language'),
            local:el('TolkNodig', $c?interpreterNeeded),
            local:el('AlleenstaandeMinderjarige', $c?unaccompaniedOrSeparated)"/>
          <xsl:if test="exists($needs)">
            <Communicatiebehoeften>
              <xsl:sequence select="
                local:el('Aanwezig', $needs?needed),
                local:text('Omschrijving', $needs?description,
                  '/record/child/communicationOrDisabilityNeeds/description')"/>
            </Communicatiebehoeften>
          </xsl:if>
        </Kind>
      </xsl:if>

      <xsl:if test="exists($r?guardians)">
        <Vertegenwoordigers>
          <xsl:for-each select="$r?guardians?*">
            <xsl:variable name="g" select="'/record/guardians/' || position() - 1"/>
            <Vertegenwoordiger>
              <xsl:sequence select="
                local:el('Id', ?guardianId),
                local:code('Relatie', 'relatie', ?role, $g || '/role'),
                local:el('Gezag', ?holdsParentalResponsibility),
                local:el('Belangenconflict', ?conflictOfInterest?flag),
                local:text('RedenBelangenconflict', ?conflictOfInterest?reason,
                  $g || '/conflictOfInterest/reason'),
                local:el('Voornaam', ?name?given),
                local:el('Achternaam', ?name?family),
                local:el('Telefoon', ?contact?phone),
                local:el('Email', ?contact?email),
                local:address(?contact?address)"/>
            </Vertegenwoordiger>
          </xsl:for-each>
        </Vertegenwoordigers>
      </xsl:if>

      <xsl:if test="exists($r?case)">
        <xsl:variable name="z" select="$r?case"/>
        <Zaak>
          <xsl:sequence select="local:el('Zaaknummer', $z?caseRef)"/>
          <xsl:for-each select="$z?relatedCaseRefs?*">
            <GerelateerdeZaak>
              <xsl:sequence select="local:el('Instantie', ?agencyId), local:el('Nummer', ?reference)"/>
            </GerelateerdeZaak>
          </xsl:for-each>
          <xsl:sequence select="
            local:el('Jurisdictie', $z?jurisdiction),
            local:code('Procedure', 'procedure', $z?proceedingType, '/record/case/proceedingType'),
            local:code('Fase', 'fase', $z?stage, '/record/case/stage')"/>
          <xsl:if test="exists($z?childRoles?*)">
            <Rollen>
              <xsl:for-each select="$z?childRoles?*">
                <Rol>
                  <xsl:sequence select="
                    local:code('Code', 'rol', ?role, '/record/case/childRoles/' || position() - 1 || '/role'),
                    local:el('Van', ?period?start),
                    local:el('Tot', ?period?end)"/>
                </Rol>
              </xsl:for-each>
            </Rollen>
          </xsl:if>
          <xsl:if test="exists($z?offences?*)">
            <Delicten>
              <xsl:for-each select="$z?offences?*">
                <xsl:variable name="o" select="'/record/case/offences/' || position() - 1"/>
                <xsl:variable name="code" select="?nationalCode"/>
                <Delict>
                  <!-- only a Dutch article is an Artikel; a foreign qualification stays foreign -->
                  <xsl:sequence select="local:el('Artikel', $code[?system = 'NL-SR']?code)"/>
                  <xsl:if test="exists($code) and $code?system != 'NL-SR'">
                    <BuitenlandseKwalificatie>
                      <xsl:sequence select="local:el('Stelsel', $code?system), local:el('Code', $code?code)"/>
                    </BuitenlandseKwalificatie>
                  </xsl:if>
                  <xsl:sequence select="
                    local:el('ICCS', ?iccs),
                    local:text('Omschrijving', ?description, $o || '/description'),
                    local:el('Pleegdatum', ?date),
                    local:code('Voltooiing', 'voltooiing', ?ecrisCompletion, $o || '/ecrisCompletion'),
                    local:code('Deelneming', 'deelneming', ?ecrisParticipation, $o || '/ecrisParticipation')"/>
                </Delict>
              </xsl:for-each>
            </Delicten>
          </xsl:if>
          <xsl:if test="exists($z?victimContextFlags?*)">
            <Omstandigheden>
              <xsl:for-each select="$z?victimContextFlags?*">
                <xsl:sequence select="local:code('Omstandigheid', 'omstandigheid', .,
                  '/record/case/victimContextFlags/' || position() - 1)"/>
              </xsl:for-each>
            </Omstandigheden>
          </xsl:if>
          <xsl:if test="exists($z?deprivationOfLiberty)">
            <xsl:variable name="l" select="$z?deprivationOfLiberty"/>
            <Vrijheidsbeneming>
              <xsl:sequence select="
                local:code('Soort', 'vrijheidsbeneming', $l?status,
                  '/record/case/deprivationOfLiberty/status'),
                local:el('Van', $l?period?start),
                local:el('Tot', $l?period?end),
                local:el('GescheidenVanVolwassenen', $l?separatedFromAdults)"/>
            </Vrijheidsbeneming>
          </xsl:if>
        </Zaak>
      </xsl:if>

      <xsl:if test="exists($r?assessment)">
        <xsl:call-template name="onderzoek">
          <xsl:with-param name="e" select="$r?assessment"/>
        </xsl:call-template>
      </xsl:if>

      <xsl:if test="exists($r?assessors?*)">
        <Onderzoekers>
          <xsl:for-each select="$r?assessors?*">
            <xsl:variable name="x" select="'/record/assessors/' || position() - 1"/>
            <Onderzoeker>
              <xsl:sequence select="
                local:code('Rol', 'rol-onderzoeker', ?role, $x || '/role'),
                local:el('Naam', ?name),
                local:code('Beroep', 'beroep', ?profession, $x || '/profession'),
                local:el('Organisatie', ?organisation),
                local:el('Instantie', ?agencyId),
                local:code('SoortInstantie', 'soort-instantie', ?agencyType, $x || '/agencyType'),
                local:el('Kwalificatie', ?qualification)"/>
            </Onderzoeker>
          </xsl:for-each>
        </Onderzoekers>
      </xsl:if>

      <xsl:if test="exists($r?versioning)">
        <xsl:variable name="w" select="$r?versioning"/>
        <Versiebeheer>
          <xsl:if test="exists($w?supersedes)">
            <Vervangt>
              <xsl:sequence select="
                local:el('RegistratieId', $w?supersedes?recordId),
                local:el('Versie', $w?supersedes?version)"/>
            </Vervangt>
          </xsl:if>
          <xsl:sequence select="
            local:code('Reden', 'wijzigingsreden', $w?changeReason, '/record/versioning/changeReason'),
            local:text('Toelichting', $w?changeNote, '/record/versioning/changeNote'),
            local:el('EerdereOntvangersInformeren', $w?notifyPriorRecipients),
            local:el('BewarenTot', $w?retentionUntil)"/>
        </Versiebeheer>
      </xsl:if>
    </Rapportage>
  </xsl:template>

  <xsl:template name="onderzoek">
    <xsl:param name="e" as="map(*)"/>
    <xsl:variable name="a" select="'/record/assessment'"/>
    <Onderzoek>
      <xsl:sequence select="
        local:el('OnderzoekId', $e?assessmentId),
        local:code('Status', 'status', $e?status, $a || '/status'),
        local:code('Kader', 'kader', $e?legalFramework, $a || '/legalFramework'),
        local:code('Aanleiding', 'aanleiding', $e?trigger, $a || '/trigger'),
        local:el('Gestart', $e?startedAt),
        local:el('Afgerond', $e?completedAt),
        local:code('FaseBijOnderzoek', 'fase', $e?stageAtAssessment, $a || '/stageAtAssessment')"/>
      <xsl:if test="exists($e?findings?*)">
        <Bevindingen>
          <xsl:for-each select="$e?findings?*">
            <xsl:variable name="f" select="$a || '/findings/' || position() - 1"/>
            <Bevinding>
              <xsl:sequence select="
                local:code('Domein', 'domein', ?domain, $f || '/domain'),
                local:text('Samenvatting', ?summary, $f || '/summary'),
                local:text('Toelichting', ?detail, $f || '/detail'),
                local:text('SterkeKanten', ?strengths, $f || '/strengths'),
                local:code('Aard', 'aard-bevinding', ?basis, $f || '/basis'),
                local:code('Bron', 'bron', ?source, $f || '/source')"/>
            </Bevinding>
          </xsl:for-each>
        </Bevindingen>
      </xsl:if>
      <xsl:if test="exists($e?protectionNeeds)">
        <xsl:variable name="n" select="$e?protectionNeeds"/>
        <xsl:variable name="k" select="$a || '/protectionNeeds/risks/'"/>
        <Beschermingsbehoeften>
          <xsl:sequence select="local:el('SpecifiekeBeschermingsbehoeften', $n?specificProtectionNeeds)"/>
          <xsl:if test="exists($n?risks)">
            <Risicos>
              <xsl:sequence select="
                local:code('SecundaireVictimisatie', 'risico', $n?risks?secondaryVictimisation,
                  $k || 'secondaryVictimisation'),
                local:code('HerhaaldeVictimisatie', 'risico', $n?risks?repeatVictimisation,
                  $k || 'repeatVictimisation'),
                local:code('Intimidatie', 'risico', $n?risks?intimidation, $k || 'intimidation'),
                local:code('Vergelding', 'risico', $n?risks?retaliation, $k || 'retaliation')"/>
            </Risicos>
          </xsl:if>
          <xsl:for-each select="$n?needs?*">
            <xsl:sequence select="local:code('Behoefte', 'behoefte', .,
              $a || '/protectionNeeds/needs/' || position() - 1)"/>
          </xsl:for-each>
        </Beschermingsbehoeften>
      </xsl:if>
      <xsl:if test="exists($e?recommendedMeasures?*)">
        <Maatregelen>
          <xsl:for-each select="$e?recommendedMeasures?*">
            <xsl:variable name="x" select="$a || '/recommendedMeasures/' || position() - 1"/>
            <Maatregel>
              <xsl:sequence select="
                local:code('Code', 'maatregel', ?measure, $x || '/measure'),
                local:code('Status', 'maatregel-status', ?status, $x || '/status'),
                local:el('BesluitDoor', ?decidedBy),
                local:el('Datum', ?date),
                local:text('Toelichting', ?note, $x || '/note')"/>
            </Maatregel>
          </xsl:for-each>
        </Maatregelen>
      </xsl:if>
      <xsl:if test="exists($e?restorativeJustice)">
        <xsl:variable name="j" select="$e?restorativeJustice"/>
        <xsl:variable name="p" select="$a || '/restorativeJustice'"/>
        <Herstelrecht>
          <xsl:sequence select="local:code('Geschiktheid', 'herstelrecht-geschiktheid',
            $j?suitability, $p || '/suitability')"/>
          <xsl:for-each select="$j?consentPerParty?*">
            <Instemming>
              <xsl:sequence select="
                local:code('Partij', 'herstelrecht-partij', ?party,
                  $p || '/consentPerParty/' || position() - 1 || '/party'),
                local:el('Gegeven', ?consentGiven),
                local:el('Datum', ?date)"/>
            </Instemming>
          </xsl:for-each>
          <xsl:sequence select="
            local:code('Resultaat', 'herstelrecht-resultaat', $j?outcome, $p || '/outcome'),
            local:text('Notities', $j?notes, $p || '/notes')"/>
        </Herstelrecht>
      </xsl:if>
      <xsl:if test="exists($e?childViews)">
        <xsl:variable name="o" select="$e?childViews"/>
        <xsl:variable name="w" select="$a || '/childViews'"/>
        <MeningKind>
          <xsl:sequence select="
            local:code('Gehoord', 'gehoord', $o?howHeard, $w || '/howHeard'),
            local:text('RedenNietGehoord', $o?notHeardReason, $w || '/notHeardReason'),
            local:text('Samenvatting', $o?viewsSummary, $w || '/viewsSummary'),
            local:text('EigenWoorden', $o?viewsText, $w || '/viewsText'),
            local:code('Instemming', 'instemming', $o?childAgrees, $w || '/childAgrees'),
            local:text('WensenMaatregelen', $o?wishesOnMeasures, $w || '/wishesOnMeasures'),
            local:el('TerugkoppelingGegeven', $o?feedbackGiven)"/>
        </MeningKind>
      </xsl:if>
    </Onderzoek>
  </xsl:template>
</xsl:stylesheet>
