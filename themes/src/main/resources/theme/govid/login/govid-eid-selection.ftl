<#import "template.ftl" as layout>
<#import "branding.ftl" as brand>
<#-- The eID selection page. Each eID system is one list item with one link (Keycloak's broker login URL from the
     social bean, matched by alias), described by what the person needs and the level of assurance. -->
<@layout.registrationLayout displayMessage=true; section>
    <#if section = "header">
        ${brand.text("govidSelectionTitle")}
    <#elseif section = "form">
        <#assign loginUrls = {}>
        <#if social?? && social.providers??>
            <#list social.providers as p><#assign loginUrls = loginUrls + {p.alias: p.loginUrl}></#list>
        </#if>
        <p class="govid-intro" id="govid-selection-intro">${brand.text("govidSelectionIntro", brand.appName())}</p>
        <#assign onBehalf = (govidOnBehalf)!false>
        <#assign withoutMandates = (govidEidsWithoutMandates)![]>
        <#if onBehalf>
            <p class="govid-hint" id="govid-selection-on-behalf">${msg("govidSelectionOnBehalf")}
                <a id="govid-selection-for-yourself" href="${url.loginRestartFlowUrl}">${msg("govidSelectionForYourselfInstead")}</a></p>
        </#if>
        <#if govidEidChoices?? && govidEidChoices?has_content>
        <ul class="govid-eid-list" id="govid-eid-list" aria-labelledby="kc-page-title">
            <#list govidEidChoices as eid>
            <#if loginUrls[eid.alias]??>
            <li class="govid-eid" id="govid-eid-${eid.alias}">
                <div class="govid-eid__head">
                    <img class="govid-eid__logo" alt="" width="48" height="48"
                         src="<#if eid.logoUrl?has_content>${eid.logoUrl}<#else>${url.resourcesPath}/img/${eid.logo}</#if>">
                    <h2 class="govid-eid__name" id="govid-eid-${eid.alias}-name">${eid.displayName}</h2>
                </div>
                <dl class="govid-eid__facts">
                    <dt>${msg("govidSelectionNeedsLabel")}</dt>
                    <dd id="govid-eid-${eid.alias}-needs"><#if eid.needsText?has_content>${eid.needsText}<#else>${brand.text(eid.needsMessageKey, eid.displayName)}</#if></dd>
                    <#if eid.levelKnown>
                    <dt>${msg("govidSelectionLevelLabel")}</dt>
                    <dd id="govid-eid-${eid.alias}-level"><#if eid.singleLevel>${msg(eid.minimumLevelKey)}<#else>${msg("govidLevelRange", msg(eid.minimumLevelKey), msg(eid.highestLevelKey))}</#if></dd>
                    </#if>
                </dl>
                <#assign noMandate = onBehalf && withoutMandates?seq_contains(eid.alias)>
                <#if noMandate>
                    <p class="govid-hint" id="govid-eid-${eid.alias}-no-mandates">${msg("govidSelectionNoMandates", eid.displayName)}</p>
                </#if>
                <a class="govid-button govid-button--primary govid-eid__go" id="social-${eid.alias}" href="${loginUrls[eid.alias]}"
                   aria-describedby="govid-eid-${eid.alias}-needs<#if eid.levelKnown> govid-eid-${eid.alias}-level</#if><#if noMandate> govid-eid-${eid.alias}-no-mandates</#if>">${msg("govidSelectionContinueWith", eid.displayName)}</a>
            </li>
            </#if>
            </#list>
        </ul>
        </#if>
        <#assign help = brand.attr("govid.theme.helpUrl")>
        <#if help?has_content && help?matches("https://[^\\s\"'<>@\\\\]+")>
            <p class="govid-help"><a href="${help}" id="govid-help-link">${brand.text("govidSelectionHelp")}</a></p>
        </#if>
    </#if>
</@layout.registrationLayout>
