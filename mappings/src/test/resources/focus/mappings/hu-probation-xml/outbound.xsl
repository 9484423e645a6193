<?xml version="1.0" encoding="UTF-8"?>
<!--
  Contract v1 delivery message -> hu-probation-xml (test only).
  The engine passes the message as JSON text in $input; members the minimised record lacks stay out.
  Codes go back through fg:to-national('<list>', value, '<JSON pointer into the message>').
-->
<xsl:stylesheet version="3.0"
    xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
    xmlns:xs="http://www.w3.org/2001/XMLSchema"
    xmlns:array="http://www.w3.org/2005/xpath-functions/array"
    xmlns:fg="urn:focus-gateway:mappings"
    xmlns="urn:hu:partfogo:kornyezettanulmany:1"
    exclude-result-prefixes="#all"
    expand-text="yes">

  <xsl:param name="system" as="map(*)"/>
  <xsl:param name="input" as="xs:string"/>
  <xsl:output method="xml" indent="yes" encoding="UTF-8"/>

  <xsl:template name="xsl:initial-template">
    <xsl:variable name="m" select="parse-json($input)"/>
    <xsl:variable name="r" select="$m?record"/>
    <kornyezettanulmany>
      <uzenet azonosito="{$m?messageId}" kuldve="{$m?sentAt}"
              cel="{fg:to-national('cel', $m?purposeOfUse, '/purposeOfUse')}">
        <cimzett>{$m?destinationAgency}</cimzett>
      </uzenet>
      <xsl:if test="exists($r)">
        <nyilvantartas azonosito="{$r?recordId}" verzio="{$r?version}" rogzitve="{$r?provenance?recordedAt}"/>
        <xsl:if test="exists($r?child)">
          <gyermek>
            <xsl:if test="exists($r?child?name)">
              <xsl:attribute name="csaladnev" select="$r?child?name?family"/>
              <xsl:attribute name="utonev" select="$r?child?name?given"/>
            </xsl:if>
            <xsl:if test="exists($r?child?birthDate)">
              <xsl:attribute name="szuletett" select="$r?child?birthDate?value"/>
            </xsl:if>
            <xsl:if test="exists($r?child?language)">
              <xsl:attribute name="nyelv"
                  select="fg:to-national('nyelv', $r?child?language, '/record/child/language')"/>
            </xsl:if>
            <xsl:if test="exists($r?child?interpreterNeeded)">
              <xsl:attribute name="tolmacs" select="$r?child?interpreterNeeded"/>
            </xsl:if>
          </gyermek>
        </xsl:if>
        <xsl:if test="exists($r?case)">
          <ugy ugyszam="{$r?case?caseRef}"
               szakasz="{fg:to-national('szakasz', $r?case?stage, '/record/case/stage')}">
            <xsl:for-each select="array:flatten($r?case?childRoles)">
              <szerep kod="{fg:to-national('szerep', ?role, '/record/case/childRoles/' || position() - 1 || '/role')}">
                <xsl:if test="exists(?period?start)">
                  <xsl:attribute name="kezdete" select="?period?start"/>
                </xsl:if>
                <xsl:if test="exists(?period?end)">
                  <xsl:attribute name="vege" select="?period?end"/>
                </xsl:if>
              </szerep>
            </xsl:for-each>
          </ugy>
        </xsl:if>
      </xsl:if>
    </kornyezettanulmany>
  </xsl:template>
</xsl:stylesheet>
