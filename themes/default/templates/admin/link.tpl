{{%AUTOESCAPE context="HTML"}}{{#INVITED}}<p>{{NAME}} (login <strong>{{LOGIN}}</strong>) has an account now.</p>{{/INVITED}}
{{#SENT}}<p>{{#INVITED}}An invitation{{/INVITED}}{{#NEW_LINK}}A new set-password link{{/NEW_LINK}} is on its way to {{NAME}}'s email address ({{EMAIL}}). It works once, for 24 hours.</p>{{/SENT}}
{{#SHOWN}}<p>Send this link to {{NAME}} by a channel you trust. It works once, for 24 hours, to choose a password:</p>
<p><input class="link" id="set-password-link" value="{{LINK}}" readonly aria-label="Set-password link"></p>{{/SHOWN}}
<p><a href="/admin/users">Back to users</a></p>
