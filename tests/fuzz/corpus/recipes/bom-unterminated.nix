{ x = "unterminated ${ ;
