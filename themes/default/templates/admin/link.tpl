{{%AUTOESCAPE context="HTML"}}{{#INVITED}}<p>{{NAME}} (login <strong>{{LOGIN}}</strong>) has an account now.</p>{{/INVITED}}
<p>Send this link to {{NAME}} by a channel you trust. It works once, for 24 hours, to choose a password:</p>
<p><input class="link" id="set-password-link" value="{{LINK}}" readonly aria-label="Set-password link"></p>
<p><a href="/admin/users">Back to users</a></p>
